import dev.semcache.embeddings.*;
import java.nio.file.*;
import java.util.*;

public class Pool {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        Set<String> keep = new HashSet<>();
        for (String l : Files.readAllLines(Path.of(args[1])).subList(1, Files.readAllLines(Path.of(args[1])).size())) {
            String[] f = l.split("\t", -1);
            if (f[3].contains("accepted=true")) keep.add(f[0]);
        }
        StringBuilder out = new StringBuilder("line\tlabel\tsim\tmeanSim\tbsP\tbsR\tbsF\tclsSim\n");
        try (OnnxTextEmbedder e = OnnxTextEmbedder.bundled(BundledModel.BGE_SMALL_EN_V1_5)) {
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (!keep.contains(f[0])) continue;
                TokenEmbeddings a = e.embedTokens(f[7]), b = e.embedTokens(f[8]);
                float[] ma = mean(a), mb = mean(b);
                double[] bs = bert(a, b);
                out.append(f[0]).append('\t').append(f[1]).append('\t').append(f[5]).append('\t').append(cos(ma, mb))
                   .append('\t').append(bs[0]).append('\t').append(bs[1]).append('\t').append(bs[2]).append('\t')
                   .append(cos(a.tokens().get(0).vector(), b.tokens().get(0).vector())).append('\n');
            }
        }
        Files.writeString(Path.of(args[2]), out);
    }
    static float[] mean(TokenEmbeddings t) {
        float[] m = new float[t.dimension()]; int n = 0;
        for (var k : t.tokens()) { if (k.special()) continue; float[] v = k.vector(); for (int i = 0; i < m.length; i++) m[i] += v[i]; n++; }
        return m;
    }
    static double cos(float[] a, float[] b) { double d=0,x=0,y=0; for (int i=0;i<a.length;i++){d+=a[i]*b[i];x+=a[i]*a[i];y+=b[i]*b[i];} return d/Math.sqrt(x*y); }
    static double[] bert(TokenEmbeddings a, TokenEmbeddings b) {
        List<float[]> va = new ArrayList<>(), vb = new ArrayList<>();
        for (var k : a.tokens()) if (!k.special()) va.add(k.vector());
        for (var k : b.tokens()) if (!k.special()) vb.add(k.vector());
        double p = 0, r = 0;
        double[][] s = new double[va.size()][vb.size()];
        for (int i=0;i<va.size();i++) for (int j=0;j<vb.size();j++) s[i][j]=cos(va.get(i),vb.get(j));
        for (int i=0;i<va.size();i++){double m=-1;for(int j=0;j<vb.size();j++)m=Math.max(m,s[i][j]);r+=m;}
        for (int j=0;j<vb.size();j++){double m=-1;for(int i=0;i<va.size();i++)m=Math.max(m,s[i][j]);p+=m;}
        r/=Math.max(1,va.size()); p/=Math.max(1,vb.size());
        return new double[]{p, r, 2*p*r/(p+r)};
    }
}
