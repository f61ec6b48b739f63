package dev.semcache.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.jspecify.annotations.Nullable;

/**
 * How requests are assigned to cache namespaces, so that one tenant never receives another's cached answer.
 *
 * <p>In {@link Mode#PER_CREDENTIAL} mode (the default) the namespace of a request is {@code t-} followed by the first
 * {@code hashHexChars} hex digits of SHA-256 over {@code salt + ":" + credential}, where the credential is the bearer
 * token the client presented; the credential itself is never stored or logged. In {@link Mode#SHARED} mode every
 * request uses {@code sharedNamespace}. Where {@code allowNamespaceHeader} is on, a client may pick a namespace with
 * {@code X-Cache-Namespace}; in per-credential mode it is then a sub-namespace of the client's own.
 *
 * @param mode per-credential (default) or shared
 * @param sharedNamespace the namespace every request uses in shared mode
 * @param salt mixed into the credential hash, or {@code null} for none; changing it starts every tenant afresh
 * @param hashHexChars how many hex digits of the hash name a namespace, in [8, 64]
 * @param allowNamespaceHeader whether clients may choose a namespace with {@code X-Cache-Namespace}
 * @since 0.1.0
 */
@ConfigurationProperties(TenancyConfig.PREFIX)
public record TenancyConfig(
        @Bindable(defaultValue = "PER_CREDENTIAL") Mode mode,
        @Bindable(defaultValue = "shared") String sharedNamespace,
        @Nullable String salt,
        @Bindable(defaultValue = "16") int hashHexChars,
        @Bindable(defaultValue = "false") boolean allowNamespaceHeader) {

    /** The configuration prefix. */
    public static final String PREFIX = "semcache.tenancy";

    /**
     * A namespace name: a letter or digit, then letters, digits, {@code .}, {@code _} and {@code -}; 1 to 64
     * characters.
     */
    public static final String NAMESPACE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public TenancyConfig {
        if (!sharedNamespace.matches(NAMESPACE_PATTERN)) {
            throw new IllegalArgumentException(
                    PREFIX + ".shared-namespace must match " + NAMESPACE_PATTERN + ", was '" + sharedNamespace + "'");
        }
        if (hashHexChars < 8 || hashHexChars > 64) {
            throw new IllegalArgumentException(PREFIX + ".hash-hex-chars must be in [8, 64], was " + hashHexChars);
        }
        if (salt != null && salt.isEmpty()) {
            salt = null;
        }
    }

    /** How namespaces are assigned. */
    public enum Mode {
        /** Each client credential has its own namespace, named by a hash of the credential. */
        PER_CREDENTIAL,
        /** Every request shares one namespace. */
        SHARED
    }

    @Override
    public String toString() {
        return "TenancyConfig[mode=" + mode + ", sharedNamespace=" + sharedNamespace + ", salt="
                + (salt == null ? "absent" : "***") + ", hashHexChars=" + hashHexChars + ", allowNamespaceHeader="
                + allowNamespaceHeader + "]";
    }
}
