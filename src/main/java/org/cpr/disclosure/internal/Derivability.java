package org.cpr.disclosure.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Can someone holding the released aggregates (counts and sums are linear in the contributors)
 * subtract their way to a group smaller than k? People are grouped into atoms — those in exactly the
 * same released sets — and a small atom, or a union of two small atoms, is derivable when its
 * indicator lies in the span of the released sets' indicators. Linear algebra runs modulo the
 * Mersenne prime 2^61 − 1; a wrong answer needs the prime to divide a minor (probability ~1/2^61).
 */
public final class Derivability {

    private static final long P = (1L << 61) - 1;

    private Derivability() {
    }

    /** True when some group of 1 … k−1 contributors can be isolated from {@code released}. */
    public static boolean isolatesSmallGroup(List<Set<String>> released, int k) {
        Map<BitSet, Integer> atomSizes = new HashMap<>();
        Map<String, BitSet> signature = new HashMap<>();
        for (int s = 0; s < released.size(); s++) {
            for (String person : released.get(s)) {
                signature.computeIfAbsent(person, p -> new BitSet()).set(s);
            }
        }
        signature.values().forEach(sig -> atomSizes.merge(sig, 1, Integer::sum));
        List<BitSet> atoms = new ArrayList<>(atomSizes.keySet());
        Basis basis = new Basis(atoms.size());
        for (int s = 0; s < released.size(); s++) {
            long[] row = new long[atoms.size()];
            for (int a = 0; a < atoms.size(); a++) {
                row[a] = atoms.get(a).get(s) ? 1 : 0;
            }
            basis.add(row);
        }
        List<Integer> small = new ArrayList<>();
        for (int a = 0; a < atoms.size(); a++) {
            if (atomSizes.get(atoms.get(a)) < k) {
                small.add(a);
            }
        }
        for (int i = 0; i < small.size(); i++) {
            if (basis.contains(unit(atoms.size(), small.get(i)))) {
                return true;
            }
            for (int j = i + 1; j < small.size(); j++) {
                if (atomSizes.get(atoms.get(small.get(i))) + atomSizes.get(atoms.get(small.get(j))) < k) {
                    long[] v = unit(atoms.size(), small.get(i));
                    v[small.get(j)] = 1;
                    if (basis.contains(v)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long[] unit(int size, int at) {
        long[] v = new long[size];
        v[at] = 1;
        return v;
    }

    /** An echelon basis over GF(P), growing one row at a time. */
    private static final class Basis {
        private final int width;
        private final List<long[]> rows = new ArrayList<>();
        private final List<Integer> pivots = new ArrayList<>();

        Basis(int width) {
            this.width = width;
        }

        void add(long[] row) {
            long[] r = reduce(row.clone());
            for (int c = 0; c < width; c++) {
                if (r[c] != 0) {
                    long inv = inverse(r[c]);
                    for (int x = 0; x < width; x++) {
                        r[x] = mul(r[x], inv);
                    }
                    rows.add(r);
                    pivots.add(c);
                    return;
                }
            }
        }

        boolean contains(long[] v) {
            long[] r = reduce(v.clone());
            for (long x : r) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }

        private long[] reduce(long[] v) {
            for (int i = 0; i < rows.size(); i++) {
                int c = pivots.get(i);
                if (v[c] != 0) {
                    long f = v[c];
                    long[] row = rows.get(i);
                    for (int x = 0; x < width; x++) {
                        v[x] = sub(v[x], mul(f, row[x]));
                    }
                }
            }
            return v;
        }
    }

    /** a·b mod 2^61 − 1 without overflow: split the 122-bit product and fold it (Mersenne reduction). */
    private static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long folded = ((hi << 3) | (lo >>> 61)) + (lo & P);
        folded = (folded & P) + (folded >>> 61);
        return folded >= P ? folded - P : folded;
    }

    private static long sub(long a, long b) {
        long r = a - b;
        return r < 0 ? r + P : r;
    }

    private static long inverse(long a) {
        return java.math.BigInteger.valueOf(a).modInverse(java.math.BigInteger.valueOf(P)).longValue();
    }
}
