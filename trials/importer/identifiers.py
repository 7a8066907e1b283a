"""The page's own NCT ID, told apart from the other trials it links to."""
from trials.importer.errors import ImportRejected
from trials.importer.text import NCT_ID


def unique(ids):
    return list(dict.fromkeys(i.upper() for i in ids))


def choose_nct_id(page, found):
    """(main ID, related IDs). A labelled ID ('NCT ID: …') wins; otherwise the page must hold exactly
    one ID outside its related-trial and reference sections."""
    every = unique(NCT_ID.findall(page.text))
    if not every:
        raise ImportRejected("No NCT ID (NCT followed by 8 digits) was found in this page. Copy the page again "
                             "including its identifier, or add the line 'NCT ID: NCT########'.")
    labelled = unique(found.labelled_ids)
    outside = unique(i for index, line in enumerate(page.lines) if index not in found.excluded_lines
                     for i in NCT_ID.findall(line))
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
        raise ambiguous(outside)
    return main, [i for i in every if i != main]


def ambiguous(ids):
    shown = ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")
    return ImportRejected(
        f"This page names {len(ids)} trials ({shown}) and none is marked as the page's own, so the importer cannot "
        "tell which one it describes. Import one trial per file, or add the line 'NCT ID: NCT########' for the main one.")
