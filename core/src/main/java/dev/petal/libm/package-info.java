/**
 * The C library's {@code exp} and {@code log} in Java, bit for bit as glibc computes them on x86-64 with
 * FMA: scikit-learn's libsvm and NumPy call them, so Petal calls these where it must reproduce their
 * results exactly ({@link java.lang.Math}'s versions differ in the last bit about once in 400 calls).
 */
package dev.petal.libm;
