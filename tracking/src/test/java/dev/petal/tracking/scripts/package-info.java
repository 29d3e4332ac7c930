/** Main classes that tests submit as scripts (child JVMs or in-process). */
package dev.petal.tracking.scripts;
