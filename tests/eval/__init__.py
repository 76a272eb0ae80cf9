"""Quality gates: scores on the shared gold data must not fall below their pinned floors."""
