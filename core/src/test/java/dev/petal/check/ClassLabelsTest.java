package dev.petal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLabelsTest {
    @Test
    void savedNamesWinOverTheIntegerClasses() {
        assertEquals(List.of("cat", "dog"), ClassLabels.names(List.of("cat", "dog"), new int[] {0, 1}));
    }

    @Test
    void withoutSavedNamesTheClassesAreWrittenAsIntegers() {
        assertEquals(List.of("-1", "3"), ClassLabels.names(List.of(), new int[] {-1, 3}));
    }

    @Test
    void indexOfFindsThePredictedLabelOrSaysItIsUnknown() {
        assertEquals(1, ClassLabels.indexOf(new int[] {-1, 3, 7}, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClassLabels.indexOf(new int[] {-1, 3}, 5));
        assertEquals("predicted label 5 is not among the model's classes", e.getMessage());
    }
}
