"""Named-entity tagging: a CRF over rich Arabic token features, trained by `marsad train ner` on
the ANERcorp training split and shipped in `marsad/data/models/`."""
