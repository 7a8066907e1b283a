"""Pages in other languages and scripts: East Asian punctuation read as ASCII, label and value words,
dates and ages as other languages write them."""
import pytest

from trials.importer import normalise
from trials.importer.decode import ascii_punctuation
from trials.importer.labels import classify_pair, fields_for
from trials.importer.pipeline import parse


@pytest.mark.parametrize("line, expected", [
    ("研究分期：II期", "研究分期: II期"),
    ("【Phase】 Phase III", "Phase: Phase III"),
    ("▶ Sponsor          Acme", "Sponsor          Acme"),
    ("一、經病理證實", "1. 經病理證實"),
    ("十二、x", "12. x"),
    ("・Proton therapy", "• Proton therapy"),
    ("年龄：18～70（岁）", "年龄: 18~70(岁)"),
])
def test_east_asian_punctuation_and_numbering_read_as_ascii(line, expected):
    assert ascii_punctuation(line) == expected


@pytest.mark.parametrize("label, field", [
    ("招募狀態 Status", "status"), ("研究分期", "phase"), ("申办方", "sponsor"), ("计划入组", "enrollment"),
    ("Numero di pazienti previsto", "enrollment"), ("Titolo ufficiale", "official_title"), ("Età", "ages"),
])
def test_labels_in_other_languages(label, field):
    assert fields_for(label)[0] == field


def test_a_registration_period_and_an_inclusion_end_are_no_study_dates():
    assert fields_for("Registration period") == []
    assert "completion_date" not in fields_for("Date prévisionnelle de fin des inclusions")


@pytest.mark.parametrize("label, value, expected", [
    ("招募状态", "招募中", ("status", "招募中")),
    ("招募狀態 Status", "招募中 Recruiting", ("status", "招募中")),
    ("Statut", "Inclusions terminées", ("status", "Inclusions terminées")),
])
def test_status_words_in_other_languages(label, value, expected):
    assert classify_pair(label, value) == expected


@pytest.mark.parametrize("value, expected", [
    ("II期", "PHASE2"), ("第二期", "PHASE2"), ("Fase II", "PHASE2"), ("2상", "PHASE2"), ("I/II期", "PHASE1_PHASE2"),
    ("Non applicabile", "NA"), ("Phase 3", "PHASE3"),
])
def test_phases_in_other_languages(value, expected):
    assert normalise.phase(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("男女皆可", "ALL"), ("Hommes et femmes", "ALL"), ("Entrambi", "ALL"), ("Male & Female", "ALL"), ("女性", "FEMALE"),
])
def test_sexes_in_other_languages(value, expected):
    assert normalise.sex(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024年3月1日", "2024-03-01"), ("2025年1月", "2025-01"), ("01.03.2024", "2024-03-01"),
    ("1er mars 2024", "2024-03-01"), ("1 de marzo de 2024", "2024-03-01"), ("settembre 2024", "2024-09"),
    ("05-Aug-2024", "2024-08-05"), ("Dec-2027", "2027-12"), ("1. März 2024", "2024-03-01"),
])
def test_dates_in_other_languages(value, expected):
    assert normalise.iso_date(value) == expected


def test_a_period_joined_by_a_chinese_word():
    assert normalise.period("2025年1月至2027年12月") == ("2025年1月", "2027年12月")


@pytest.mark.parametrize("value, expected", [
    ("da 18 a 80 anni", (18, 80)), ("18 ans et plus", (18, None)), ("20歲以上", (20, None)),
    ("18~70周岁", (18, 70)), ("20 years or older, 79 years or younger", (20, 79)), ("von 18 bis 75 Jahren", (18, 75)),
])
def test_ages_in_other_languages(value, expected):
    assert normalise.age_range(value) == expected


@pytest.mark.parametrize("name, code", [("中国", "CN"), ("Polonia", "PL"), ("Belgique", "BE"), ("香港", "HK")])
def test_country_names_in_other_languages(name, code):
    assert normalise.country_code(name) == code


def test_an_id_alone_below_its_label_is_the_page_s_own():
    page = ("Estudio de algo en cáncer de cabeza y cuello\n\nIdentificador NCT\nNCT06955208\n\n"
            "Otros estudios\n• Otro estudio (NCT05721365)\n• Otro más (NCT06033014)\n")
    record = parse(page.encode(), "page.txt")
    assert record["nct_id"] == "NCT06955208"
    assert set(record["related_nct_ids"]) == {"NCT05721365", "NCT06033014"}


def test_a_chinese_page_reads_its_labelled_fields():
    page = ("【患者招募】某研究\n注册号 Registration：NCT06731258\n研究分期：II期\n研究类型：干预性研究\n"
            "招募状态：招募中\n申办方：湖南省肿瘤医院\n研究周期：2025年1月至2027年12月\n")
    record = parse(page.encode(), "page.txt")
    assert (record["phase"], record["status"], record["study_type"]) == ("PHASE2", "RECRUITING", "INTERVENTIONAL")
    assert (record["start_date"], record["completion_date"], record["sponsor"]) == ("2025-01", "2027-12", "湖南省肿瘤医院")


@pytest.mark.parametrize("label, value, expected", [
    ("Hasta sayısı", "64 (gerçekleşen)", ("enrollment", "64 (gerçekleşen)")),  # a dotless ı folds to i
    ("Durum", "Tamamlandı", ("status", "Tamamlandı")),
    ("Studiestatus", "Rekryteringen avslutad", ("status", "Rekryteringen avslutad")),
    ("Beräknat studieslut", "2031-12-31", ("completion_date", "2031-12-31")),
    ("Birincil tamamlanma tarihi", "31 Aralık 2022", None),  # the primary completion is not the study's end
    ("Тип исследования", "Интервенционное", ("study_type", "Интервенционное")),
    ("Пол", "любой", ("sex", "любой")),
])
def test_turkish_swedish_and_russian_labels(label, value, expected):
    assert classify_pair(label, value) == expected


@pytest.mark.parametrize("value, expected", [
    ("18 år och äldre", (18, None)), ("от 18 до 75 лет", (18, 75)), ("18 yaş ve üzeri", (18, None)),
])
def test_ages_in_swedish_russian_and_turkish(value, expected):
    assert normalise.age_range(value) == expected


def test_a_count_for_a_named_region_opens_the_enrollment():
    assert normalise.enrollment("400 i Norden (varav 180 i Sverige)") == 400


def test_a_russian_page_reads_its_labels_dates_and_criteria():
    text = ("Пролголимаб при раке полости рта\n\nНомер NCT: NCT09000071\nФаза: II/III\nСтатус: Набор приостановлен\n"
            "Дата начала: 15 апреля 2024\nСтрана: Россия\nЗаболевание: Плоскоклеточный рак полости рта\n\n"
            "Критерии включения:\n1. Первый пункт.\n2. Второй пункт.\nКритерии исключения:\n1. Третий пункт.\n")
    result = parse(text.encode(), "page.txt")
    assert (result["phase"], result["status"], result["start_date"], result["countries"]) == \
        ("PHASE2_PHASE3", "SUSPENDED", "2024-04-15", ["RU"])
    assert result["conditions"] == ["Плоскоклеточный рак полости рта"]
    assert [c["kind"] for c in result["criteria"]] == ["INCLUSION", "INCLUSION", "EXCLUSION"]


def test_a_count_written_n_equals_and_a_trial_closed_early():
    assert (normalise.enrollment("N=486"), normalise.enrollment("n = 96")) == (486, 96)
    assert normalise.status("Closed - stopped early") == "TERMINATED"
