/** Dense row-major matrices over flat arrays, with EJML kept behind the API. */
package dev.petal.linalg;
