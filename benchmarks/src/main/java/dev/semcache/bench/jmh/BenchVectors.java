package dev.semcache.bench.jmh;

import dev.semcache.bench.eval.LabelledPair;
import dev.semcache.bench.eval.PairsReader;
import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Vectors for the store suites, in two flavours.
 *
 * <ul>
 *   <li>{@code random}: unit vectors drawn uniformly on the sphere. Nearly orthogonal to one another, so the index
 *       has no clusters: the hardest case for HNSW and the same work as any other for brute force.
 *   <li>{@code prompts}: embeddings (all-MiniLM-L6-v2) of up to 2,000 distinct questions from a pairs file named by
 *       the system property {@value #PROMPTS_PROPERTY}, each reused with Gaussian noise (σ 0.02 per dimension, cosine
 *       about 0.93 to its source) to reach the entry count: clustered like real prompt traffic.
 * </ul>
 *
 * <p>Queries are entries chosen with Zipf skew (s = 1) plus noise of σ 0.01 per dimension (cosine about 0.98), so
 * that a search finds its entry above a 0.92 threshold, as a hit does.
 */
final class BenchVectors {

    /** The system property naming a pairs file for {@code prompts} vectors. */
    static final String PROMPTS_PROPERTY = "semcache.bench.prompts";

    private static final int MAX_PROMPTS = 2_000;

    private BenchVectors() {}

    static float[][] entries(String source, int count, int dimension, long seed) {
        Random random = new Random(seed);
        float[][] vectors = new float[count][];
        if (source.equals("random")) {
            for (int i = 0; i < count; i++) {
                vectors[i] = randomUnit(random, dimension);
            }
            return vectors;
        }
        if (!source.equals("prompts")) {
            throw new IllegalArgumentException("vectors must be random or prompts, was " + source);
        }
        float[][] bases = promptEmbeddings(dimension);
        for (int i = 0; i < count; i++) {
            vectors[i] = i < bases.length ? bases[i] : noisy(bases[i % bases.length], 0.02, random);
        }
        return vectors;
    }

    static float[][] queries(float[][] entries, int count, long seed) {
        Random random = new Random(seed);
        float[][] queries = new float[count][];
        for (int i = 0; i < count; i++) {
            queries[i] = noisy(entries[zipf(random, entries.length)], 0.01, random);
        }
        return queries;
    }

    static float[] randomUnit(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return normalize(v);
    }

    static float[] noisy(float[] base, double sigma, Random random) {
        float[] v = new float[base.length];
        for (int d = 0; d < base.length; d++) {
            v[d] = (float) (base[d] + sigma * random.nextGaussian());
        }
        return normalize(v);
    }

    /** Draws an index in [0, n) with probability proportional to 1 / (index + 1), by inverting the harmonic CDF. */
    static int zipf(Random random, int n) {
        // H(n) ≈ ln n + γ; exact enough for benchmark skew and O(1) per draw for n = 100,000.
        double h = Math.log(n) + 0.5772156649;
        int index = (int) Math.floor(Math.exp(random.nextDouble() * h - 0.5772156649)) - 1;
        return Math.max(0, Math.min(n - 1, index));
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }

    private static float[][] promptEmbeddings(int dimension) {
        String path = System.getProperty(PROMPTS_PROPERTY);
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("vectors=prompts needs -D" + PROMPTS_PROPERTY + "=PAIRS.tsv");
        }
        Set<String> texts = new LinkedHashSet<>();
        for (LabelledPair pair : PairsReader.readAll(Path.of(path), MAX_PROMPTS)) {
            texts.add(pair.textA());
            texts.add(pair.textB());
            if (texts.size() >= MAX_PROMPTS) {
                break;
            }
        }
        try (OnnxTextEmbedder embedder = OnnxTextEmbedder.bundled(BundledModel.ALL_MINILM_L6_V2)) {
            if (embedder.dimension() != dimension) {
                throw new IllegalStateException(
                        "prompt vectors have dimension " + embedder.dimension() + ", not " + dimension);
            }
            List<float[]> vectors = embedder.embedAll(new ArrayList<>(texts));
            return vectors.toArray(new float[0][]);
        }
    }
}
