"""Writers that turn results into text for people, JSON for programs and annotations for CI."""
