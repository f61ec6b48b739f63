package dev.semcache.bench;

import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.verify.HitVerifiers;
import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures hit quality on a labelled pair file: for each pair, embed both texts, call it a hit when the cosine
 * similarity reaches the threshold, then ask the strict verifier. Prints recall (label-1 pairs that hit), false-hit
 * rate (label-0 pairs that hit) and precision, plain cosine next to verified, overall and per {@code kind} column
 * when the file has one.
 *
 * <p>Reads the TSV layout of {@code shared/datasets}: a header line naming {@code text_a}, {@code text_b} and
 * {@code label} (STS-B's {@code score} is turned into a label: at least 4.0 is 1, at most 2.0 is 0, the rest is
 * skipped). Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/semcache-bench.jar dev.semcache.bench.LabelledPairEvaluation \
 *     ../shared/datasets/prompt-pairs/prompt-pairs-dev.tsv BGE_SMALL_EN_V1_5 0.92 [first-row [row-count]]
 * }</pre>
 */
public final class LabelledPairEvaluation {
    private LabelledPairEvaluation() {}

    private record Pair(String a, String b, int label, String kind) {}

    /**
     * Runs one evaluation.
     *
     * @param args the TSV file, the {@link BundledModel} name, the threshold, optionally the first data row (0-based)
     *     and the number of rows
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: LabelledPairEvaluation FILE MODEL THRESHOLD [FIRST [COUNT]]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        BundledModel model = BundledModel.valueOf(args[1]);
        double threshold = Double.parseDouble(args[2]);
        int first = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int count = args.length > 4 ? Integer.parseInt(args[4]) : Integer.MAX_VALUE;
        List<Pair> pairs = read(file, first, count);
        HitVerifier verifier = HitVerifiers.strict();
        Map<String, int[]> stats = new TreeMap<>();
        try (OnnxTextEmbedder embedder = OnnxTextEmbedder.bundled(model)) {
            for (int from = 0; from < pairs.size(); from += 256) {
                List<Pair> batch = pairs.subList(from, Math.min(pairs.size(), from + 256));
                List<String> texts = new ArrayList<>();
                for (Pair p : batch) {
                    texts.add(p.a());
                    texts.add(p.b());
                }
                List<float[]> v = embedder.embedAll(texts);
                for (int i = 0; i < batch.size(); i++) {
                    Pair p = batch.get(i);
                    double sim = dot(v.get(2 * i), v.get(2 * i + 1));
                    boolean hit = sim >= threshold;
                    boolean kept = hit && verifier.verify(p.a(), p.b(), sim).accepted();
                    for (String key : List.of("all", "kind=" + p.kind())) {
                        int[] s = stats.computeIfAbsent(key, k -> new int[6]);
                        int o = p.label() == 1 ? 0 : 3;
                        s[o]++;
                        s[o + 1] += hit ? 1 : 0;
                        s[o + 2] += kept ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf(
                "%s, %s, threshold %.2f, %d pairs: plain -> verified%n",
                file.getFileName(), model, threshold, pairs.size());
        stats.forEach((key, s) -> System.out.printf(
                "  %-18s recall %s  false-hit rate %s  precision %s%n",
                key, rates(s[1], s[2], s[0]), rates(s[4], s[5], s[3]), rates(s[1], s[2], s[1] + s[4], s[2] + s[5])));
    }

    private static String rates(int plain, int verified, int n) {
        return n == 0 ? "     -       " : String.format("%.3f -> %.3f", (double) plain / n, (double) verified / n);
    }

    private static String rates(int plain, int verified, int plainN, int verifiedN) {
        return String.format(
                "%.3f -> %.3f",
                plainN == 0 ? 1.0 : (double) plain / plainN, verifiedN == 0 ? 1.0 : (double) verified / verifiedN);
    }

    private static List<Pair> read(Path file, int first, int count) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int a = header.indexOf("text_a");
        int b = header.indexOf("text_b");
        int label = header.indexOf("label");
        int score = header.indexOf("score");
        int kind = header.indexOf("kind");
        List<Pair> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            int l;
            if (label >= 0) {
                l = Integer.parseInt(f[label]);
            } else {
                double s = Double.parseDouble(f[score]);
                if (s > 2.0 && s < 4.0) {
                    continue;
                }
                l = s >= 4.0 ? 1 : 0;
            }
            out.add(new Pair(f[a], f[b], l, kind >= 0 ? f[kind] : "-"));
        }
        int from = Math.min(first, out.size());
        return out.subList(from, (int) Math.min(out.size(), (long) from + count));
    }

    private static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
