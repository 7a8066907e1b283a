"""The page's own NCT ID, told apart from the other trials it links to."""
import re
from functools import cache

from trials.importer.errors import ImportRejected
from trials.importer.labels import fold, is_identifier_label
from trials.importer.text import NCT_ID, pipe_cells
from trials.importer.vocab import load_json

SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")
LABEL_BEFORE = re.compile(r"(?P<label>[^|:;()]{2,60}?)\s*[:|=]?\s*\(?\s*$")
LABEL_MARKS = re.compile(r"[\d:|#=]")  # a heading holds no value: 'Other study ID # 1200.161' is a label
LABEL_AFTER = re.compile(r"^\s*\(\s*(?P<label>[^()]{2,40})\)")


def unique(ids):
    return list(dict.fromkeys(i.upper() for i in ids))


def choose_nct_id(page, found):
    """(main ID, related IDs). An ID beside an identifier label ('NCT ID: …', 'ClinicalTrials.gov: …',
    'Registernummer: …') wins; IDs under headings or in sentences that introduce other studies ('Similar
    trials', 'Companion study: … (NCT…)') are never candidates; of several left, the one in the page's
    title block (the lines above its first section) wins. Only a page still undecided is rejected."""
    every = unique(NCT_ID.findall(page.text))
    if not every:
        raise ImportRejected("No NCT ID (NCT followed by 8 digits) was found in this page. Copy the page again "
                             "including its identifier, or add the line 'NCT ID: NCT########'.")
    skip = found.excluded_lines | other_study_lines(page)
    kept = "\n".join(line for index, line in enumerate(page.lines) if index not in skip)
    others = introduced_as_other(kept)
    labelled = [i for i in unique(found.labelled_ids) if i not in others] \
        or [i for i in beside_labels(page, skip) if i not in others]
    outside = [i for i in unique(NCT_ID.findall(kept)) if i not in others]
    candidates = labelled or outside
    if len(candidates) > 1:
        candidates = in_title_block(page, found, candidates) or candidates
    if len(candidates) == 1:
        main = candidates[0]
    elif not candidates and not unique(NCT_ID.findall(kept)):
        raise ImportRejected(
            f"The only NCT IDs in this page ({', '.join(every[:5])}) are in its related-trial or reference lists, "
            "so the page's own trial is unknown. Copy the page again including its identifier.")
    else:
        raise ambiguous(candidates or every)
    if len(every) > 1 and not labelled:
        found.warnings.append(f"The page names {len(every)} trials; {main} was taken as its own, since the others "
                              "are listed or introduced as a different study.")
    return main, [i for i in every if i != main]


def beside_labels(page, skip):
    """IDs written beside an identifier label on their line: 'ClinicalTrials.gov: NCT…', 'NCT… (ClinicalTrials.gov)',
    or a '| NCT… | ClinicalTrials.gov |' row; or on the line above an ID that stands alone."""
    ids = []
    for index, line in enumerate(page.lines):
        if index in skip:
            continue
        cells = [cell for cell in (pipe_cells(line) or []) if cell]
        for match in NCT_ID.finditer(line):
            before = LABEL_BEFORE.search(line[:match.start()])
            after = LABEL_AFTER.match(line[match.end():])
            beside = [before and before["label"], after and after["label"]]
            if NCT_ID.fullmatch(cells[0] if cells else ""):
                beside.extend(cells[1:])
            if line.strip() == match.group(0):  # 'Identificador NCT' on the line above the ID alone
                beside.append(label_above(page, index))
            if any(label and is_identifier_label(label) for label in beside):
                ids.append(match.group(0))
    return unique(ids)


def label_above(page, index):
    """The line above index when it is filled and holds no ID: the label of a value on its own line."""
    above = next((line for line in reversed(page.lines[:index]) if line.strip()), "")
    return None if NCT_ID.search(above) else above.strip()


def in_title_block(page, found, ids):
    """Those of ids named in the lines above the page's first section heading."""
    block = "\n".join(line for index, line in enumerate(page.lines[:found.first_section])
                      if index not in found.excluded_lines)
    return [i for i in unique(NCT_ID.findall(block)) if i in ids]


@cache
def other_study_words():
    data = load_json("other_studies.json")
    return (re.compile("|".join(data["introductions"]), re.IGNORECASE), data["window"],
            re.compile("|".join(data["headings"])), data["heading_words"])


def other_study_lines(page):
    """Lines under a short heading that introduces other studies ('🔗 Similar trials near you', 'See also'),
    up to the first blank line after content."""
    _, _, heading, most_words = other_study_words()
    lines, index = set(), 0
    while index < len(page.lines):
        words = fold(page.lines[index])
        if 0 < len(words.split()) <= most_words and not LABEL_MARKS.search(page.lines[index]) and heading.search(words):
            end = index + 1
            while end < len(page.lines) and (page.lines[end].strip() or end == index + 1):
                end += 1
            lines.update(range(index, end))
            index = end
        index += 1
    return lines


def introduced_as_other(text):
    """IDs every mention of which follows, in its own sentence, words such as 'a separate trial'."""
    pattern, window, _, _ = other_study_words()
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
