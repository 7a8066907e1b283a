"""Stage 2: recognise which site a page was copied from, by features of its text."""
from trials.importer.layouts import (
    clinicaltrialcompass,
    clinicaltrialsgov,
    ctv_veeva,
    curemydisease,
    findatrial,
    ignite_sd,
    inclinicaltrials,
    meddatax,
    patient_notification,
)

KNOWN = tuple(module.LAYOUT for module in (
    meddatax, curemydisease, findatrial, ignite_sd, inclinicaltrials, ctv_veeva, clinicaltrialcompass,
    clinicaltrialsgov, patient_notification,
))


def recognise(text, layouts=KNOWN):
    """The layout whose features best match the text, or None when none matches enough."""
    scored = [(layout.match_score(text), layout) for layout in layouts]
    score, best = max(scored, key=lambda pair: pair[0])
    return best if score > 0 else None
