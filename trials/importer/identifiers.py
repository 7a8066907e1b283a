"""The page's own NCT ID, told apart from the other trials it links to."""
import re
from functools import cache

from trials.importer.errors import ImportRejected
from trials.importer.text import NCT_ID
from trials.importer.vocab import load_json

SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


def unique(ids):
    return list(dict.fromkeys(i.upper() for i in ids))


def choose_nct_id(page, found):
    """(main ID, related IDs). A labelled ID ('NCT ID: …') wins; otherwise the page must hold exactly
    one ID outside its related-trial and reference sections, or exactly one that its sentences do not
    introduce as a different study ('a separate trial (NCT…)')."""
    every = unique(NCT_ID.findall(page.text))
    if not every:
        raise ImportRejected("No NCT ID (NCT followed by 8 digits) was found in this page. Copy the page again "
                             "including its identifier, or add the line 'NCT ID: NCT########'.")
    labelled = unique(found.labelled_ids)
    kept = "\n".join(line for index, line in enumerate(page.lines) if index not in found.excluded_lines)
    outside = unique(NCT_ID.findall(kept))
    if len(labelled) == 1:
        main = labelled[0]
    elif len(labelled) > 1:
        raise ambiguous(labelled)
    elif len(outside) == 1:
        main = outside[0]
    elif not outside:
        raise ImportRejected(
            f"The only NCT IDs in this page ({', '.join(every[:5])}) are in its related-trial or reference lists, "
            "so the page's own trial is unknown. Copy the page again including its identifier.")
    else:
        others = introduced_as_other(kept)
        subjects = [i for i in outside if i not in others]
        if len(subjects) != 1:
            raise ambiguous(outside)
        main = subjects[0]
        found.warnings.append(f"The page names {len(outside)} trials; {main} was taken as its own, since the text "
                              f"introduces {', '.join(i for i in outside if i != main)} as a different study.")
    return main, [i for i in every if i != main]


@cache
def other_study_words():
    data = load_json("other_studies.json")
    return re.compile("|".join(data["introductions"]), re.IGNORECASE), data["window"]


def introduced_as_other(text):
    """IDs every mention of which follows, in its own sentence, words such as 'a separate trial'."""
    pattern, window = other_study_words()
    verdicts = {}
    for match in NCT_ID.finditer(text):
        before = text[max(0, match.start() - window):match.start()]
        sentence = SENTENCE_END.split(before)[-1]
        other = bool(pattern.search(sentence))
        nct_id = match.group(0).upper()
        verdicts[nct_id] = verdicts.get(nct_id, True) and other
    return {nct_id for nct_id, other in verdicts.items() if other}


def ambiguous(ids):
    shown = ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")
    return ImportRejected(
        f"This page names {len(ids)} trials ({shown}) and none is marked as the page's own, so the importer cannot "
        "tell which one it describes. Import one trial per file, or add the line 'NCT ID: NCT########' for the main one.")
