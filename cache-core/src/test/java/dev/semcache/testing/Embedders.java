package dev.semcache.testing;

import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;

/** The real all-MiniLM-L6-v2 embedder, loaded once per test JVM and never closed (tests that close one build it). */
public final class Embedders {

    private Embedders() {}

    /**
     * Returns the shared all-MiniLM-L6-v2 embedder.
     *
     * @return the embedder
     */
    public static OnnxTextEmbedder miniLm() {
        return MiniLm.INSTANCE;
    }

    /**
     * Returns the cosine similarity of two texts under all-MiniLM-L6-v2.
     *
     * @param a one text
     * @param b another text
     * @return the similarity
     */
    public static double similarity(String a, String b) {
        float[] x = miniLm().embed(a);
        float[] y = miniLm().embed(b);
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += (double) x[i] * y[i];
        }
        return dot;
    }

    private static final class MiniLm {
        static final OnnxTextEmbedder INSTANCE = OnnxTextEmbedder.bundled(BundledModel.ALL_MINILM_L6_V2);
    }
}
