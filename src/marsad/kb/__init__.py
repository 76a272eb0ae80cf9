"""Knowledge base: canonical records that mentions link to. Plain data files in `marsad/data/`."""
