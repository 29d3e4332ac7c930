package dev.petal.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PolicySpecParserTest {

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> EarlyTerminationPolicy.parse(spec)).getMessage();
    }

    @Test
    void readsEveryPolicy() {
        assertEquals(BanditPolicy.slackFactor(0.1, 1, 5),
                EarlyTerminationPolicy.parse("bandit:slack_factor=0.1,evaluation_interval=1,delay_evaluation=5"));
        assertEquals(BanditPolicy.slackAmount(0.05, 2, 0), EarlyTerminationPolicy.parse("Bandit: slack_amount = 0.05, evaluation_interval=2"));
        assertEquals(new MedianStoppingPolicy(1, 5), EarlyTerminationPolicy.parse("median:evaluation_interval=1,delay_evaluation=5"));
        assertEquals(new MedianStoppingPolicy(1, 0), EarlyTerminationPolicy.parse("median"));
        assertEquals(new TruncationSelectionPolicy(20, 1, 5, true), EarlyTerminationPolicy.parse(
                "truncation:truncation_percentage=20,evaluation_interval=1,delay_evaluation=5,exclude_finished_jobs=true"));
        assertEquals(new TruncationSelectionPolicy(10, 1, 0, false), EarlyTerminationPolicy.parse("truncation:truncation_percentage=10"));
        assertSame(EarlyTerminationPolicy.none(), EarlyTerminationPolicy.parse("none"));
    }

    @Test
    void specRoundTrips() {
        for (EarlyTerminationPolicy p : java.util.List.of(BanditPolicy.slackFactor(0.1, 1, 5), BanditPolicy.slackAmount(0.25, 3, 0),
                new MedianStoppingPolicy(2, 5), new TruncationSelectionPolicy(20, 1, 5, true), EarlyTerminationPolicy.none())) {
            assertEquals(p, EarlyTerminationPolicy.parse(p.spec()), p.spec());
        }
        assertEquals("bandit:slack_factor=0.1,evaluation_interval=1,delay_evaluation=5", BanditPolicy.slackFactor(0.1, 1, 5).spec());
    }

    @Test
    void errorsNameTheSpecAndTheProblem() {
        assertEquals("Invalid policy 'greedy:x=1': unknown policy 'greedy' (expected none, bandit, median or truncation).",
                error("greedy:x=1"));
        assertEquals("Invalid policy 'bandit:evaluation_interval=1': bandit needs exactly one of slack_factor and slack_amount.",
                error("bandit:evaluation_interval=1"));
        assertEquals("Invalid policy 'bandit:slack_factor=0.1,slack_amount=0.2': bandit needs exactly one of slack_factor and"
                + " slack_amount.", error("bandit:slack_factor=0.1,slack_amount=0.2"));
        assertEquals("Invalid policy 'bandit:slack=0.1': unknown setting 'slack' for bandit (expected slack_factor, slack_amount,"
                + " evaluation_interval, delay_evaluation).", error("bandit:slack=0.1"));
        assertEquals("Invalid policy 'median:delay_evaluation=five': delay_evaluation must be an integer, got 'five'.",
                error("median:delay_evaluation=five"));
        assertEquals("Invalid policy 'truncation:evaluation_interval=1': truncation needs truncation_percentage (an int from 1 to 99).",
                error("truncation:evaluation_interval=1"));
        assertEquals("Invalid policy 'truncation:truncation_percentage=20,exclude_finished_jobs=maybe': exclude_finished_jobs must be"
                + " true or false, got 'maybe'.", error("truncation:truncation_percentage=20,exclude_finished_jobs=maybe"));
        assertEquals("Invalid policy 'median:delay_evaluation': expected KEY=VALUE, got 'delay_evaluation'.",
                error("median:delay_evaluation"));
        assertEquals("Invalid policy 'median:delay_evaluation=1,delay_evaluation=2': delay_evaluation is given twice.",
                error("median:delay_evaluation=1,delay_evaluation=2"));
        assertEquals("Invalid policy 'none:x=1': unknown setting 'x' for none (it takes none).", error("none:x=1"));
        assertEquals("Invalid policy 'bandit:slack_factor=x': slack_factor must be a number, got 'x'.", error("bandit:slack_factor=x"));
        assertEquals("The 'truncation_percentage' parameter of TruncationSelectionPolicy must be an int in the range [1, 99]. Got 0 instead.",
                error("truncation:truncation_percentage=0"));
    }
}
