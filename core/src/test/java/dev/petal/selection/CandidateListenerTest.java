package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The listener hears each candidate as soon as its folds are done, before the search returns, with cv_results_' numbers. */
class CandidateListenerTest {
    private static final Matrix X = Matrix.of(12, 1, new double[12]);
    private static final int[] Y = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

    @Test
    void candidatesAreHeardWhileTheLastOneIsStillFitting() throws Exception {
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch othersHeard = new CountDownLatch(2);
        List<Boolean> lastWaited = Collections.synchronizedList(new ArrayList<>());
        MajorityVote est = new MajorityVote(1.0, c -> {
            if (c == 3.0) {
                try {
                    // the last candidate's fits wait until the listener has heard the two others
                    lastWaited.add(othersHeard.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        List<CvResults> rows = Collections.synchronizedList(new ArrayList<>());
        CvOptions o = CvOptions.defaults().withCv(3).withNJobs(2).withListener((i, r) -> {
            heard.add(i);
            rows.add(r);
            if (i != 2) {
                othersHeard.countDown();
            }
        });
        SearchResult<MajorityVote.Model> r = GridSearchCV.of(est, ParameterGrid.of(Map.of("C", List.of(1.0, 2.0, 3.0))))
                .withOptions(o).fit(X, Y);
        assertEquals(List.of(true, true, true), lastWaited, "the last candidate's 3 fits saw the others heard first");
        assertEquals(2, heard.get(2));
        assertEquals(3, heard.size());
        for (int k = 0; k < 3; k++) {
            CvResults one = rows.get(k);
            int c = heard.get(k);
            assertEquals(1, one.nCandidates());
            assertEquals(r.cvResults().params().get(c), one.params().get(0));
            assertEquals(r.cvResults().meanTestScore()[c], one.meanTestScore()[0], 0.0);
            assertEquals(r.cvResults().stdTestScore()[c], one.stdTestScore()[0], 0.0);
            for (int s = 0; s < 3; s++) {
                assertEquals(r.cvResults().splitTestScore(s)[c], one.splitTestScore(s)[0], 0.0);
            }
        }
    }

    @Test
    void sequentialRunsTellTheListenerInCandidateOrder() {
        List<Integer> heard = new ArrayList<>();
        CvOptions o = CvOptions.defaults().withCv(3).withNJobs(1).withListener((i, r) -> heard.add(i));
        GridSearchCV.of(new MajorityVote(1.0, c -> { }), ParameterGrid.of(Map.of("C", List.of(1.0, 2.0, 3.0, 4.0))))
                .withOptions(o).fit(X, Y);
        assertEquals(List.of(0, 1, 2, 3), heard);
    }

    @Test
    void aCrossValidationIsOneCandidate() {
        List<double[]> scores = new ArrayList<>();
        CvOptions o = CvOptions.defaults().withCv(3).withListener((i, r) -> scores.add(
                new double[] {r.splitTestScore(0)[0], r.splitTestScore(1)[0], r.splitTestScore(2)[0]}));
        double[] s = CrossValidation.crossValScore(new MajorityVote(1.0, c -> { }), X, Y, o);
        assertEquals(1, scores.size());
        assertArrayEquals(s, scores.get(0), 0.0);
        assertTrue(s[0] > 0.0);
    }
}
