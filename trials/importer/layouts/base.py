"""What a site layout is: labels, headings and patterns, as data for the shared extractor."""
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from trials.importer.text import Label, LabelIndex, label_pattern

SECTION_ROLES = (
    "summary", "description", "conditions", "criteria", "interventions", "locations", "sponsors",
    "countries", "identifiers", "related", "references", "asides", "mixed", "arms",
)


@dataclass(frozen=True)
class Layout:
    """A site's page layout.

    features: regular expressions (multi-line) that recognise the site; `needed` of them must match.
    labels: field -> label texts, in priority order; a label's value follows it on its line
        ('Label: v', 'Label v', '| Label | v |', or glued when `glued` allows) or on the next line.
    sections: role -> heading lines (see SECTION_ROLES); `headings` are the site's other headings,
        which only end sections.
    facts: heading -> fields whose unlabelled values follow the heading, one a line, recognised
        by their shape; tails: role -> fields whose unlabelled values end that section.
    title: "first_line", "after:<regex>" (the line after the first line matching regex) or None
        (only a labelled title counts).
    line_patterns: regular expressions whose named groups are fields, matched against whole lines.
    interventions_style: "typed" ('Drug: X' lines), "name_description" (a short name line, then
        its description), "list" (names separated by commas) or "auto" (typed when a line is).
    ignored_labels: labels the site shows that are not read; they tell a label with an empty value
        from one whose value is on the next line.
    blurbs: section roles under whose heading the site prints a one-line explanation, to be skipped.
    until_blank: section roles that end at their first blank line after content.
    noise: lines that carry no trial data (logos, buttons) and are ignored.
    hook: a function (page, extracted) for the rare fact no pattern states; keep it small.
    strict_fields: fields whose labels need a colon or pipe before the value.
    """
    name: str
    features: tuple
    needed: int = 0
    labels: dict = field(default_factory=dict)
    glued: str | None = None
    next_line: bool = True
    sections: dict = field(default_factory=dict)
    headings: tuple = ()
    facts: dict = field(default_factory=dict)
    tails: dict = field(default_factory=dict)
    title: str | None = "first_line"
    line_patterns: tuple = ()
    interventions_style: str = "typed"
    ignored_labels: tuple = ()
    blurbs: frozenset = frozenset()
    until_blank: frozenset = frozenset()
    noise: tuple = ()
    hook: Callable | None = None
    strict_fields: frozenset = frozenset()

    @cached_property
    def compiled_features(self):
        return [re.compile(feature, re.MULTILINE) for feature in self.features]

    def match_score(self, text):
        """Share of features found, or 0 when fewer than `needed` are (known as soon as too few are left)."""
        needed, found = self.needed or len(self.features), 0
        for done, feature in enumerate(self.compiled_features):
            if found + len(self.features) - done < needed:
                return 0.0
            found += bool(feature.search(text))
        return found / len(self.features) if found >= needed else 0.0

    @cached_property
    def label_index(self):
        """The labels, the longest first (the one that fits a line best)."""
        return LabelIndex(sorted(self.label_list, key=lambda label: len(label.text), reverse=True))

    @cached_property
    def boundary_labels(self):
        """The labels that end a criteria block: all but the criteria's own."""
        return LabelIndex(label for label in self.label_list if label.field != "criteria")

    @cached_property
    def label_start(self):
        """Any of the labels opening a line, followed by a colon."""
        return re.compile(r"^\s*(?:%s)\s*:" % "|".join(re.escape(label.text) for label in self.label_list), re.IGNORECASE)

    @cached_property
    def label_list(self):
        read = [Label(field_name, text, label_pattern(text, self.glued, field_name in self.strict_fields))
                for field_name, texts in self.labels.items() for text in texts]
        return read + [Label(None, text, label_pattern(text, strict=True)) for text in self.ignored_labels]

    @cached_property
    def all_headings(self):
        headings = list(self.headings) + list(self.facts)
        for texts in self.sections.values():
            headings.extend(texts)
        return tuple(headings)

    @cached_property
    def heading_keys(self):
        return frozenset(" ".join(h.casefold().split()) for h in self.all_headings)

    @cached_property
    def compiled_line_patterns(self):
        return [re.compile(pattern) for pattern in self.line_patterns]

    @cached_property
    def noise_keys(self):
        return frozenset(" ".join(line.casefold().split()) for line in self.noise)
