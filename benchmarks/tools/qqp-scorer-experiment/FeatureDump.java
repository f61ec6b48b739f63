package dev.semcache.cache.verify;

import java.nio.file.*;
import java.util.*;

public class FeatureDump {
    public static void main(String[] args) throws Exception {
        StrictHitVerifier v = StrictHitVerifier.builder().build();
        TextAnalyzer an = new TextAnalyzer(Lexicon.bundled());
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        StringBuilder out = new StringBuilder("line\tlabel\tsim\tverdict\tcA\tcB\trA\trB\tnA\tnB\tuA\tuB\teA\teB\tvA\tvB\tfA\tfB\tlenA\tlenB\tcoA\tcoB\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (!f[4].equals("1")) continue;
            double sim = Double.parseDouble(f[5]);
            String ta = f[7], tb = f[8];
            String verdict = v.verify(ta, tb, sim).toString();
            List<Token> a = an.analyze(ta), b = an.analyze(tb);
            Alignment al = Alignment.of(a, b, v);
            int[] ra = counts(al.restA, v), rb = counts(al.restB, v);
            out.append(f[0]).append('\t').append(f[1]).append('\t').append(sim).append('\t').append(verdict.replace('\t',' '))
               .append('\t').append(content(a)).append('\t').append(content(b));
            for (int i = 0; i < ra.length; i++) out.append('\t').append(ra[i]).append('\t').append(rb[i]);
            out.append('\t').append(a.size()).append('\t').append(b.size())
               .append('\t').append(coord(a, al.restA, al.partnerOfA)).append('\t').append(coord(b, al.restB, al.partnerOfB)).append('\n');
        }
        Files.writeString(Path.of(args[1]), out);
    }
    static final Set<String> CONJ = Set.of("and", "or", "&", "/", "vs", "versus");
    static int coord(List<Token> t, List<Token> rest, int[] partner) {
        int n = 0;
        for (Token x : rest) {
            if (x.kind != Token.Kind.CONTENT) continue;
            if (linked(t, x.index, -1, partner) || linked(t, x.index, 1, partner)) n++;
        }
        return n;
    }
    static boolean linked(List<Token> t, int i, int step, int[] partner) {
        int j = i + step;
        boolean conj = false;
        while (j >= 0 && j < t.size()) {
            Token y = t.get(j);
            if (CONJ.contains(y.lower) || y.lower.equals(",")) { conj = true; j += step; continue; }
            if (y.isArticle()) { j += step; continue; }
            break;
        }
        if (!conj || j < 0 || j >= t.size()) return false;
        Token y = t.get(j);
        return y.kind == Token.Kind.CONTENT && partner[y.index] >= 0;
    }
    static int content(List<Token> t) { int n=0; for (Token x: t) if (x.kind==Token.Kind.CONTENT||x.kind==Token.Kind.NUMBER) n++; return n; }
    // rest content, nouns/adj, unknown, entity, verbs, framing/other
    static int[] counts(List<Token> rest, StrictHitVerifier v) {
        int[] c = new int[6];
        for (Token t : rest) {
            if (t.kind == Token.Kind.CONTENT) {
                c[0]++;
                int p = t.primaryPartOfSpeech;
                if (p == 0 || p == Lexicon.NOUN || p == Lexicon.ADJ) c[1]++;
                if (!t.known()) c[2]++;
                if (v.isEntity(t)) c[3]++;
                if (p == Lexicon.VERB || p == Lexicon.ADV) c[4]++;
            } else c[5]++;
        }
        return c;
    }
}
