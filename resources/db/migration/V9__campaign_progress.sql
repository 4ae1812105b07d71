-- A device's attempts count on across an operator's retry; the retry budget counts from the attempt
-- that began the current round (the phase's start or the operator's retry).
ALTER TABLE campaign_actions ADD COLUMN round_first_attempt INT DEFAULT 1 NOT NULL;

-- A campaign's counts per action state over time, so its chart is complete whenever it is opened,
-- on any node. seq orders the samples; older ones are thinned out to keep a campaign's history bounded.
CREATE TABLE campaign_progress (
    campaign_id VARCHAR(36)  NOT NULL REFERENCES campaigns (id),
    seq         BIGINT       NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    counts      VARCHAR(512) NOT NULL,
    PRIMARY KEY (campaign_id, seq)
);
