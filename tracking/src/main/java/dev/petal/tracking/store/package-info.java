/** Crash-safe file primitives shared by run tracking and the model registry: atomic replace, locked append, JSON. */
package dev.petal.tracking.store;
