package org.originbridge.scoring.domain;

/** Score bands: EXCELLENT >= 85, GOOD >= 70, FAIR >= 50, POOR below; UNRATED with too little evidence. */
public enum ScoreBand {
    EXCELLENT, GOOD, FAIR, POOR, UNRATED;

    public static ScoreBand of(int score) {
        if (score >= 85) {
            return EXCELLENT;
        }
        if (score >= 70) {
            return GOOD;
        }
        if (score >= 50) {
            return FAIR;
        }
        return POOR;
    }
}
