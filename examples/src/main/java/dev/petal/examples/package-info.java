/** The iris tutorial in Java: {@link dev.petal.examples.TrainIris} (train_iris.py) and {@link dev.petal.examples.IrisTutorial} (the notebook). */
package dev.petal.examples;
