package dev.semcache.service.web;

import java.util.List;
import java.util.Locale;

/**
 * The cache directives of a request's {@code Cache-Control} headers that the service honours.
 *
 * @param noCache {@code no-cache}: skip the lookup, still store the answer
 * @param noStore {@code no-store}: do not store the answer
 */
record CacheControl(boolean noCache, boolean noStore) {

    /**
     * Reads the directives.
     *
     * @param headerValues every {@code Cache-Control} value of the request
     * @return the directives; both false when absent
     */
    static CacheControl parse(List<String> headerValues) {
        boolean noCache = false;
        boolean noStore = false;
        for (String value : headerValues) {
            for (String directive : value.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                int eq = d.indexOf('=');
                String name = eq < 0 ? d : d.substring(0, eq).trim();
                noCache |= name.equals("no-cache");
                noStore |= name.equals("no-store");
            }
        }
        return new CacheControl(noCache, noStore);
    }
}
