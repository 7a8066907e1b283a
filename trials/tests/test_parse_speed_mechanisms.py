"""The shortcuts that keep parsing fast give the answers of the long way round, on small hand-made inputs."""
import pytest

from trials.importer.labels import fold
from trials.importer.layouts.base import Layout
from trials.importer.text import Label, LabelIndex, label_pattern


def labels(*texts):
    return [Label("x", text, label_pattern(text)) for text in texts]


INDEX = LabelIndex(labels("Phase", "Status", "Sponsor", "年龄", "Start date"))


@pytest.mark.parametrize("line", [
    "Phase: 2", "  | status | Recruiting |", "- Sponsor: Acme", "• start date: 2024-01-01", "年龄: 18~70",
    "phase 3", "Nothing here", "", "   ", "- ", "| | |", "* ", "ｓtatus: x",
])
def test_a_label_index_finds_what_trying_every_label_finds(line):
    slow = next((label for label in INDEX.labels if label.pattern.match(line)), None)
    assert INDEX.match(line) == slow


def test_a_label_index_tries_only_labels_of_the_lines_first_letter():
    assert [label.text for label in INDEX.candidates("Sponsor: Acme")] == ["Status", "Sponsor", "年龄", "Start date"]  # in their order
    assert len(INDEX.candidates("«Phase»: 2")) == 5  # a line opening with other than a letter or digit: every label


@pytest.mark.parametrize("features, needed, text, score", [
    ((r"^A$", r"^B$", r"^C$"), 2, "A\nB", 2 / 3),
    ((r"^A$", r"^B$", r"^C$"), 2, "C", 0.0),
    ((r"^A$", r"^B$", r"^C$"), 0, "A\nB", 0.0),
    ((r"^A$", r"^B$", r"^C$"), 0, "A\nB\nC", 1.0),
])
def test_a_layout_stops_matching_once_too_few_features_are_left(features, needed, text, score):
    assert Layout("x", features, needed).match_score(text) == score


@pytest.mark.parametrize("text, folded", [
    ("Début de l'étude", "debut de l etude"), ("Study_Start", "study start"), ("  ", ""), ("研究阶段", "研究阶段"),
])
def test_fold_reads_ascii_and_accented_text_alike(text, folded):
    assert fold(text) == folded
