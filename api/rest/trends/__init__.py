"""REST trends room: TREND-A catalogue, frozen table pulls, releases and the pull log."""
