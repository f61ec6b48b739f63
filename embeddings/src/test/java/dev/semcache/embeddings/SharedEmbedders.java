package dev.semcache.embeddings;

/**
 * One embedder per bundled model for the whole test JVM, loaded on first use (each load takes about a second).
 *
 * <p>The instances are never closed: tests that close an embedder build their own.
 */
final class SharedEmbedders {

    private SharedEmbedders() {}

    static OnnxTextEmbedder get(BundledModel model) {
        return switch (model) {
            case ALL_MINILM_L6_V2 -> MiniLm.INSTANCE;
            case BGE_SMALL_EN_V1_5 -> Bge.INSTANCE;
        };
    }

    static OnnxTextEmbedder miniLm() {
        return MiniLm.INSTANCE;
    }

    static OnnxTextEmbedder bge() {
        return Bge.INSTANCE;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }

    static double norm(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += (double) x * x;
        }
        return Math.sqrt(squares);
    }

    // Initialisation-on-demand holders: a class is loaded, and its model with it, only when first used.
    private static final class MiniLm {
        static final OnnxTextEmbedder INSTANCE = OnnxTextEmbedder.bundled(BundledModel.ALL_MINILM_L6_V2);
    }

    private static final class Bge {
        static final OnnxTextEmbedder INSTANCE = OnnxTextEmbedder.bundled(BundledModel.BGE_SMALL_EN_V1_5);
    }
}
