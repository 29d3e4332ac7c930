/** The run-history web app ({@code petal ui}) and its read-only JSON API over a workspace. */
package dev.petal.ui;
