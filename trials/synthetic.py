"""Synthetic head-and-neck trials for load tests: pure Python, no database.

Each trial is drawn from its own random stream seeded by (seed, index), so a seed gives the
same catalogue whatever the batch size, and trial i is the same whether 10 or 550,000 are made.
The shapes follow the public registry loosely: a few drugs, countries and sponsors are very
common and most are rare (Zipf), most trials have one site and a few have hundreds, phases and
statuses come in shares resembling ClinicalTrials.gov. The shares are design choices for a
realistic load, not measurements of the registry. Conditions are drawn by subsite; the subsites
column is then derived from them by the importer's own rule (trials.importer.subsites).
"""
import bisect
import itertools
import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from trials.importer.subsites import subsites_for

SYNTHETIC_NCT_PREFIX = "NCT8"  # the registry's own IDs are far below NCT08000000 and will be for decades
NCT_SPACE = 10_000_000

MIN_SITES, MAX_SITES = 1, 300
MIN_CRITERIA, MAX_CRITERIA = 5, 60

# ---------------------------------------------------------------------------------------------
# Vocabulary, most common first where a Zipf draw is made over it.

DRUG_NAMES = """
cisplatin carboplatin pembrolizumab nivolumab cetuximab docetaxel fluorouracil paclitaxel gemcitabine
durvalumab toripalimab camrelizumab capecitabine methotrexate nab-paclitaxel tislelizumab sintilimab
nimotuzumab atezolizumab avelumab ipilimumab afatinib lenvatinib xevinapant cemiplimab tremelimumab
s-1 nedaplatin lobaplatin hydroxyurea mitomycin oxaliplatin irinotecan vinorelbine ifosfamide bleomycin
doxorubicin epirubicin cyclophosphamide tegafur erlotinib gefitinib panitumumab bevacizumab buparlisib
apatinib anlotinib sorafenib sunitinib pazopanib cabozantinib axitinib everolimus temsirolimus olaparib
niraparib palbociclib abemaciclib ribociclib trastuzumab pertuzumab lapatinib neratinib larotrectinib
entrectinib selpercatinib pralsetinib dabrafenib trametinib vemurafenib cobimetinib alpelisib copanlisib
tipifarnib monalizumab spartalizumab retifanlimab penpulimab serplulimab zimberelimab dostarlimab
relatlimab magrolimab enoblituzumab petosemtamab ficlatuzumab amivantamab zalutumumab
enfortumab vedotin|tisotumab vedotin|sacituzumab govitecan|trastuzumab deruxtecan|bintrafusp alfa
eftilagimod alpha|interferon alfa-2b
imiquimod aldesleukin sargramostim filgrastim pegfilgrastim amifostine palifermin dexamethasone prednisone
ondansetron granisetron palonosetron aprepitant fosaprepitant olanzapine metoclopramide gabapentin
pregabalin morphine oxycodone fentanyl hydromorphone methadone ketamine lidocaine doxepin benzydamine
glutamine melatonin metformin aspirin celecoxib pioglitazone cholecalciferol curcumin pentoxifylline
tocopherol pilocarpine cevimeline levothyroxine nimorazole tirapazamine efaproxiral disulfiram ganciclovir
valganciclovir acyclovir nelfinavir chloroquine hydroxychloroquine propranolol losartan simvastatin
atorvastatin omeprazole pantoprazole famotidine dexmedetomidine propofol sevoflurane remifentanil
cefazolin clindamycin amoxicillin metronidazole chlorhexidine heparin enoxaparin rivaroxaban apixaban
insulin darbepoetin megestrol dronabinol mirtazapine sertraline duloxetine escitalopram bupropion
varenicline nicotine cytisine cannabidiol indocyanine fluorescein lenalidomide thalidomide pomalidomide
bortezomib vorinostat romidepsin azacitidine decitabine tretinoin isotretinoin fenretinide bexarotene
valproate tranexamic celecoxib ibuprofen naproxen paracetamol tramadol codeine buprenorphine clonidine
midazolam lorazepam haloperidol prochlorperazine dronabinol nabilone dexamethasone budesonide
hydrocortisone triamcinolone fluconazole nystatin clotrimazole amphotericin ciprofloxacin levofloxacin
doxycycline minocycline vancomycin linezolid zinc selenium
sodium thiosulfate|avasopasem manganese|zinc sulfate|green tea extract|botulinum toxin type a
5-aminolevulinic acid|cetuximab-irdye800|panitumumab-irdye800|fluorodeoxyglucose f18|fluoromisonidazole f18
technetium tc 99m tilmanocept|lutetium lu 177 dotatate|sodium iodide i 131|epoetin alfa|iron sucrose
all-trans retinoic acid|valproic acid|ampicillin-sulbactam|povidone-iodine|sodium fluoride|hpv vaccine
9-valent hpv vaccine|isa101b|pds0101|vb10.16|mva-5t4|ebv-specific cytotoxic t cells|tumour-infiltrating lymphocytes
"""

# Investigational code names make the long tail, as they do in the registry.
CODE_PREFIXES = "abbv azd bms ly mk pf rg ino bay jnj sar ds bgb shr ibi tqb hlx ak mrg".split()

BIOLOGICAL_MARKERS = ("mab", "vaccine", "alfa", "alpha", "vedotin", "deruxtecan", "govitecan", "irdye",
                      "cells", "lymphocytes", "leukin", "stim", "palifermin", "cept", "mva-", "vb10", "isa101", "pds0")

OTHER_INTERVENTIONS = {
    "RADIATION": [
        "intensity-modulated radiation therapy", "proton beam therapy", "stereotactic body radiation therapy",
        "brachytherapy", "hypofractionated radiotherapy", "carbon ion radiotherapy", "adaptive radiotherapy",
        "re-irradiation", "volumetric modulated arc therapy", "de-escalated radiotherapy",
    ],
    "PROCEDURE": [
        "transoral robotic surgery", "neck dissection", "total laryngectomy", "transoral laser microsurgery",
        "free flap reconstruction", "sentinel lymph node biopsy", "tracheostomy", "percutaneous gastrostomy",
        "parotidectomy", "endoscopic sinus surgery",
    ],
    "BEHAVIORAL": [
        "swallowing exercises", "smoking cessation counselling", "mindfulness-based stress reduction",
        "exercise programme", "nutritional counselling", "speech therapy",
    ],
    "DEVICE": ["photobiomodulation", "electrolarynx", "scalp cooling device", "mobile health application",
               "intraoral stent"],
    "DIAGNOSTIC_TEST": ["circulating tumour hpv dna test", "fdg pet-ct", "diffusion-weighted mri",
                        "narrow-band imaging", "ebv dna plasma test"],
    "OTHER": ["quality-of-life questionnaire", "placebo", "best supportive care", "standard of care",
              "biospecimen collection"],
}

# Conditions by subsite; "unspecified" holds the head-and-neck-wide conditions and symptoms.
CONDITIONS = {
    "unspecified": [
        "Head and Neck Squamous Cell Carcinoma", "Head and Neck Cancer", "Head and Neck Neoplasms",
        "Squamous Cell Carcinoma of Head and Neck", "Recurrent Head and Neck Cancer",
        "Metastatic Head and Neck Cancer", "Oral Mucositis", "Radiation-Induced Xerostomia", "Dysphagia",
    ],
    "oropharynx": [
        "Oropharyngeal Squamous Cell Carcinoma", "HPV-Positive Oropharyngeal Cancer", "Oropharyngeal Neoplasms",
        "Tonsil Cancer", "Base of Tongue Cancer", "p16-Positive Oropharyngeal Carcinoma",
    ],
    "oral_cavity": [
        "Oral Cavity Squamous Cell Carcinoma", "Oral Cancer", "Tongue Cancer", "Mouth Neoplasms",
        "Gingival Cancer", "Oral Leukoplakia", "Buccal Mucosa Cancer",
    ],
    "nasopharynx": [
        "Nasopharyngeal Carcinoma", "Nasopharyngeal Neoplasms", "Locoregionally Advanced Nasopharyngeal Carcinoma",
        "Recurrent Nasopharyngeal Carcinoma", "Metastatic Nasopharyngeal Carcinoma",
        "EBV-Related Nasopharyngeal Carcinoma",
    ],
    "larynx": [
        "Laryngeal Squamous Cell Carcinoma", "Laryngeal Neoplasms", "Glottic Cancer", "Supraglottic Cancer",
        "Laryngeal Cancer",
    ],
    "salivary_gland": [
        "Salivary Gland Carcinoma", "Adenoid Cystic Carcinoma", "Mucoepidermoid Carcinoma", "Parotid Neoplasms",
        "Salivary Duct Carcinoma",
    ],
    "hypopharynx": [
        "Hypopharyngeal Squamous Cell Carcinoma", "Hypopharyngeal Neoplasms", "Pyriform Sinus Cancer",
    ],
    "sinonasal": [
        "Sinonasal Carcinoma", "Paranasal Sinus Neoplasms", "Nasal Cavity Cancer", "Esthesioneuroblastoma",
        "Sinonasal Undifferentiated Carcinoma",
    ],
}
SUBSITE_SHARES = {"unspecified": 35, "oropharynx": 15, "oral_cavity": 15, "nasopharynx": 12, "larynx": 10,
                  "salivary_gland": 5, "hypopharynx": 4, "sinonasal": 4}

STUDY_TYPE_SHARES = {"INTERVENTIONAL": 77, "OBSERVATIONAL": 22.5, "EXPANDED_ACCESS": 0.5}
PHASE_SHARES = {"NA": 40, "PHASE2": 20, "PHASE1": 12, "PHASE3": 11, "PHASE4": 7, "PHASE1_PHASE2": 5,
                "EARLY_PHASE1": 2.5, "PHASE2_PHASE3": 2.5}
STATUS_SHARES = {"COMPLETED": 52, "UNKNOWN": 16, "RECRUITING": 12, "TERMINATED": 5.5,
                 "ACTIVE_NOT_RECRUITING": 4, "NOT_YET_RECRUITING": 4, "WITHDRAWN": 2.7,
                 "ENROLLING_BY_INVITATION": 1.2, "SUSPENDED": 0.3}
OPEN_STATUSES = {"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING"}
SEX_SHARES = {"ALL": 93, "MALE": 4, "FEMALE": 3}
PHASE_WORDS = {"EARLY_PHASE1": "Early Phase 1", "PHASE1": "Phase 1", "PHASE1_PHASE2": "Phase 1/2",
               "PHASE2": "Phase 2", "PHASE2_PHASE3": "Phase 2/3", "PHASE3": "Phase 3", "PHASE4": "Phase 4"}

# Countries in the registry's rough order of trial counts; pycountry supplies the long tail.
LEADING_COUNTRIES = """US CN FR DE GB CA ES IT KR JP NL BE AU TW PL DK EG IL BR SE CH TR IN RU AT HU CZ MX NO FI
GR IE PT AR TH SG HK MY NZ RO PK IR SA ZA CL CO UA BG RS SK HR SI LT EE LV VN PH ID TN MA JO LB""".split()
COUNTRY_COUNT = 120

SPONSORS = [
    "Merck Sharp & Dohme LLC", "National Cancer Institute (NCI)", "Sun Yat-sen University", "Bristol-Myers Squibb",
    "AstraZeneca", "M.D. Anderson Cancer Center", "Fudan University", "Memorial Sloan Kettering Cancer Center",
    "Hoffmann-La Roche", "NRG Oncology", "Tata Memorial Hospital", "Gustave Roussy, Cancer Campus, Grand Paris",
    "Jiangsu HengRui Medicine Co., Ltd.", "European Organisation for Research and Treatment of Cancer - EORTC",
    "University of Michigan Rogel Cancer Center", "BeiGene", "Shanghai Junshi Bioscience Co., Ltd.",
    "Innovent Biologics (Suzhou) Co. Ltd.", "Merck KGaA, Darmstadt, Germany", "Eli Lilly and Company", "Pfizer",
    "Novartis Pharmaceuticals", "Sanofi", "Regeneron Pharmaceuticals", "Amgen", "Bayer", "Boehringer Ingelheim",
    "Debiopharm International SA", "Kura Oncology, Inc.", "Merus N.V.", "Washington University School of Medicine",
    "University of Pittsburgh", "Mayo Clinic", "Dana-Farber Cancer Institute", "Johns Hopkins University",
    "Stanford University", "University of California, San Francisco", "Princess Margaret Hospital, Canada",
    "The Christie NHS Foundation Trust", "Royal Marsden NHS Foundation Trust", "Peter MacCallum Cancer Centre",
    "Seoul National University Hospital", "Samsung Medical Center", "Yonsei University",
    "National Taiwan University Hospital", "Chang Gung Memorial Hospital", "Peking Union Medical College Hospital",
    "West China Hospital", "Chinese Academy of Medical Sciences", "Shanghai Ninth People's Hospital",
    "Tianjin Medical University Cancer Institute and Hospital", "Zhejiang Cancer Hospital",
    "Guangxi Medical University", "Heidelberg University", "Charite University, Berlin, Germany",
    "Karolinska Institutet", "Aarhus University Hospital", "Institut Curie", "Centre Leon Berard",
    "Hospices Civils de Lyon", "Assistance Publique - Hopitaux de Paris", "University Hospital, Essen",
    "Radboud University Medical Center", "The Netherlands Cancer Institute", "Rigshospitalet, Denmark",
    "Oslo University Hospital", "Helsinki University Central Hospital",
    "Fondazione IRCCS Istituto Nazionale dei Tumori",
    "Istituto Europeo di Oncologia", "Hospital Universitario Vall d'Hebron", "Cairo University", "Ain Shams University",
    "All India Institute of Medical Sciences, New Delhi", "Postgraduate Institute of Medical Education and Research",
    "University of Sao Paulo", "Instituto do Cancer do Estado de Sao Paulo", "Sheba Medical Center",
    "Chulalongkorn University", "National Cancer Centre, Singapore", "The University of Hong Kong",
    "Chinese University of Hong Kong", "Yale University", "Emory University", "University of Washington",
    "Ohio State University Comprehensive Cancer Center", "Abramson Cancer Center at Penn Medicine",
]

CITIES_FOR_COUNTRIES_WITHOUT_REGIONS = {"SG": ["Singapore"], "HK": ["Hong Kong", "Kowloon"], "MO": ["Macau"]}

SITE_PATTERNS = ["{city} University Hospital", "{city} Cancer Centre", "{city} General Hospital",
                 "Regional Cancer Institute of {city}", "{city} Medical Center", "{city} Comprehensive Cancer Center",
                 "Saint {saint} Hospital", "{city} Oncology Clinic", "{city} Teaching Hospital",
                 "{city} Clinical Research Unit"]
SAINTS = ["Luke", "Mary", "James", "Joseph", "Vincent", "Elisabeth", "Anne", "George", "Francis", "Thomas"]

ENDPOINTS = [
    "progression-free survival", "overall survival", "locoregional control", "pathological complete response",
    "objective response rate", "grade 3 or higher oral mucositis", "patient-reported swallowing function",
    "xerostomia at 12 months", "event-free survival", "feeding tube dependence at one year", "quality of life",
    "distant metastasis-free survival", "dose-limiting toxicity", "laryngectomy-free survival",
]
SETTINGS = ["Locally Advanced", "Recurrent or Metastatic", "Resectable", "Newly Diagnosed", "Early-Stage",
            "Platinum-Refractory", "High-Risk", "Unresectable", "Previously Untreated", "Elderly Patients With"]
DESIGNS = ["A Randomized, Open-Label", "A Randomized, Double-Blind, Placebo-Controlled", "A Single-Arm",
           "A Multicenter, Non-Randomized", "An Open-Label, Dose-Escalation", "A Prospective, Multicentre"]
SCHEDULES = ["every 3 weeks", "weekly", "every 2 weeks", "on days 1 and 8 of each 21-day cycle",
             "once daily", "twice daily", "every 6 weeks", "on day 1 of each 28-day cycle"]
OBSERVATIONAL_TOPICS = ["Biomarkers", "Long-Term Swallowing Outcomes", "Circulating Tumour DNA",
                        "Quality of Life", "Hearing Loss After Cisplatin", "Nutritional Status", "HPV Status",
                        "Survivorship Care", "Imaging Response", "Real-World Outcomes of Immunotherapy"]

INCLUSION_PATTERNS = [
    "Histologically or cytologically confirmed {condition}",
    "ECOG performance status 0 to {ecog}",
    "Age {age} years or older",
    "Absolute neutrophil count of at least {anc}/mm3",
    "Creatinine clearance of at least {crcl} mL/min",
    "Measurable disease per RECIST 1.1",
    "Stage {stage} disease according to the AJCC 8th edition",
    "No prior systemic therapy for {setting} disease",
    "Willing to provide archival tumour tissue for biomarker analysis",
    "Known p16 and HPV status",
    "Women of childbearing potential must use effective contraception during treatment",
    "Life expectancy of at least {weeks} weeks",
    "Able to swallow oral medication",
    "Signed written informed consent",
    "Haemoglobin of at least {hb} g/dL",
    "Platelet count of at least {plt},000/mm3",
    "Total bilirubin no more than 1.5 times the upper limit of normal",
    "AST and ALT no more than {lft} times the upper limit of normal",
    "Smoking history of {packs} pack-years or fewer",
    "Candidate for curative-intent {treatment}",
    "Adequate thyroid function",
    "PD-L1 combined positive score of at least {cps}",
]
EXCLUSION_PATTERNS = [
    "Prior radiotherapy to the head and neck region",
    "Distant metastatic disease",
    "Active autoimmune disease requiring systemic treatment in the past {years} years",
    "Known hypersensitivity to {drug}",
    "Uncontrolled intercurrent illness including symptomatic congestive heart failure",
    "Pregnant or breastfeeding",
    "History of another malignancy within {years} years",
    "Known HIV infection with a detectable viral load",
    "Active hepatitis B or hepatitis C infection",
    "Grade {grade} or higher peripheral neuropathy",
    "Hearing loss requiring a hearing aid",
    "History of interstitial lung disease or pneumonitis",
    "Receipt of a live vaccine within {days} days before the first dose",
    "Major surgery within {weeks} weeks before enrolment",
    "Prior treatment with an anti-PD-1 or anti-PD-L1 antibody",
    "Tumour invading the carotid artery",
    "Participation in another interventional study within {days} days",
    "Systemic corticosteroids above 10 mg prednisone daily",
]


# ---------------------------------------------------------------------------------------------
# Sampling.

class Weighted:
    """Draws from a fixed population with fixed weights (bisect over cumulative weights)."""

    def __init__(self, population, weights):
        self.population = list(population)
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    @classmethod
    def shares(cls, table):
        return cls(table.keys(), table.values())

    @classmethod
    def zipf(cls, population, exponent=1.0):
        population = list(population)
        return cls(population, [1 / rank**exponent for rank in range(1, len(population) + 1)])

    def draw(self, rng):
        return self.population[bisect.bisect(self.cumulative, rng.random() * self.total)]

    def draw_distinct(self, rng, count):
        count = min(count, len(self.population))
        chosen = []
        while len(chosen) < count:
            value = self.draw(rng)
            if value not in chosen:
                chosen.append(value)
        return chosen


def drug_names():
    names = []
    for line in DRUG_NAMES.strip().splitlines():
        names.extend(line.split("|") if "|" in line else line.split())
    names = list(dict.fromkeys(names))  # keep first (most common) position of any repeat
    codes = random.Random(0)  # fixed: the vocabulary is the same for every seed
    while len(names) < 300:
        names.append(f"{codes.choice(CODE_PREFIXES)}-{codes.randint(100, 9999)}")
        names = list(dict.fromkeys(names))
    return names


def drug_kind(name):
    return "BIOLOGICAL" if any(marker in name for marker in BIOLOGICAL_MARKERS) else "DRUG"


def country_codes():
    import pycountry

    codes = list(LEADING_COUNTRIES)
    rest = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in codes and c.alpha_2 != "AQ")
    # A fixed shuffle, so the long tail is not alphabetical.
    random.Random(0).shuffle(rest)
    return codes + rest[: COUNTRY_COUNT - len(codes)]


def cities_by_country(codes):
    import pycountry

    cities = {}
    for code in codes:
        regions = sorted(s.name for s in pycountry.subdivisions.get(country_code=code) or ())
        named = CITIES_FOR_COUNTRIES_WITHOUT_REGIONS.get(code) or regions[:40]
        cities[code] = named or [pycountry.countries.get(alpha_2=code).name]
    return cities


def site_count_sampler():
    """1..300 sites with P(k) proportional to k^-2: about 60% single-site, a tail of large trials."""
    counts = range(MIN_SITES, MAX_SITES + 1)
    return Weighted(counts, [1 / k**2 for k in counts])


def criteria_count_sampler():
    """5..60 criteria, most trials between 10 and 25 (a log-normal shape, clipped)."""
    counts = range(MIN_CRITERIA, MAX_CRITERIA + 1)
    return Weighted(counts, [math.exp(-((math.log(k) - math.log(15)) ** 2) / (2 * 0.45**2)) / k for k in counts])


class NctNumbering:
    """A seed's synthetic NCT IDs: NCT8 + 7 digits, index -> (offset + index * stride) mod 10^7.

    The stride is coprime with 10^7, so the first ten million indexes give distinct IDs,
    scattered rather than consecutive, as registry IDs are across a catalogue.
    """

    def __init__(self, seed):
        rng = random.Random(f"nct-{seed}")
        self.stride = rng.randrange(1, NCT_SPACE)
        while self.stride % 2 == 0 or self.stride % 5 == 0:
            self.stride = rng.randrange(1, NCT_SPACE)
        self.offset = rng.randrange(NCT_SPACE)

    def __call__(self, index):
        if not 0 <= index < NCT_SPACE:
            raise ValueError(f"At most {NCT_SPACE:,} synthetic trials per seed.")
        return f"{SYNTHETIC_NCT_PREFIX}{(self.offset + index * self.stride) % NCT_SPACE:07d}"


# ---------------------------------------------------------------------------------------------
# Trials.

@dataclass
class SyntheticTrial:
    fields: dict
    sites: list = field(default_factory=list)  # dicts: name, city, country, status
    interventions: list = field(default_factory=list)  # (name, kind, description)
    criteria: list = field(default_factory=list)  # (kind, position, text)


class TrialFactory:
    """Makes the index-th synthetic trial of a seed."""

    EPOCH = datetime(2015, 1, 1, tzinfo=timezone.utc)

    def __init__(self, seed):
        self.seed = seed
        self.nct_id = NctNumbering(seed)
        self.drugs = Weighted.zipf(drug_names(), exponent=1.1)
        countries = country_codes()
        self.countries = Weighted.zipf(countries, exponent=1.1)
        self.cities = cities_by_country(countries)
        self.sponsors = Weighted.zipf(SPONSORS, exponent=0.9)
        self.study_types = Weighted.shares(STUDY_TYPE_SHARES)
        self.phases = Weighted.shares(PHASE_SHARES)
        self.statuses = Weighted.shares(STATUS_SHARES)
        self.sexes = Weighted.shares(SEX_SHARES)
        self.subsites = Weighted.shares(SUBSITE_SHARES)
        self.site_counts = site_count_sampler()
        self.criteria_counts = criteria_count_sampler()

    def trial(self, index):
        rng = random.Random(self.seed * 1_000_003 + index)
        study_type = self.study_types.draw(rng)
        interventional = study_type == "INTERVENTIONAL"
        phase = self.phases.draw(rng) if interventional else ""
        status = self.statuses.draw(rng)
        conditions = self.conditions(rng)
        drugs = self.drugs.draw_distinct(rng, self.drug_count(rng, phase)) if study_type != "OBSERVATIONAL" else []
        others = self.other_interventions(rng, interventional)
        start = self.start_date(rng, status)
        sponsor = self.sponsors.draw(rng)
        title, official_title = self.titles(rng, phase, study_type, drugs, others, conditions)
        fields = {
            "nct_id": self.nct_id(index),
            "title": title,
            "official_title": official_title,
            "acronym": self.acronym(rng, title) if rng.random() < 0.3 else "",
            "phase": phase,
            "status": status,
            "study_type": study_type,
            "enrollment": None if rng.random() < 0.02 else max(1, min(100_000, int(rng.lognormvariate(4.1, 1.0)))),
            "min_age_years": rng.choice([Decimal(18)] * 17 + [Decimal(12), Decimal(20), None]),
            "max_age_years": rng.choice([None] * 6 + [Decimal(65), Decimal(70), Decimal(75), Decimal(80)]),
            "sex": self.sexes.draw(rng),
            "start_date": start,
            "start_date_precision": "month" if rng.random() < 0.3 else "day",
            "completion_date": start + timedelta(days=rng.randint(180, 3650)) if start else None,
            "completion_date_precision": "month" if rng.random() < 0.3 else "day",
            "summary": self.summary(rng, drugs, others, conditions),
            "sponsor": sponsor,
            "collaborators": [self.sponsors.draw(rng)] if rng.random() < 0.2 else [],
            "conditions": conditions,
            "subsites": subsites_for(conditions, title, official_title),
            "created_at": self.EPOCH + timedelta(seconds=rng.randrange(11 * 365 * 86400)),
        }
        fields["updated_at"] = fields["created_at"]
        trial = SyntheticTrial(fields=fields)
        trial.interventions = [(name, drug_kind(name), self.dose(rng)) for name in drugs] + [
            (name, kind, "") for kind, name in others
        ]
        trial.sites = self.sites(rng, status)
        trial.criteria = self.criteria(rng, conditions, drugs)
        return trial

    def conditions(self, rng):
        subsites = self.subsites.draw_distinct(rng, 1 if rng.random() < 0.85 else 2)
        conditions = [rng.choice(CONDITIONS[s]) for s in subsites]
        if rng.random() < 0.3 and "unspecified" not in subsites:
            conditions.append(rng.choice(CONDITIONS["unspecified"][:6]))
        return list(dict.fromkeys(conditions))

    def drug_count(self, rng, phase):
        if phase == "NA":
            return rng.choice([0, 0, 1, 1, 2])
        return rng.choice([1, 1, 2, 2, 2, 3, 3, 4])

    def other_interventions(self, rng, interventional):
        kinds = ["RADIATION", "PROCEDURE", "BEHAVIORAL", "DEVICE", "OTHER"] if interventional else [
            "DIAGNOSTIC_TEST", "OTHER"]
        chosen = []
        for kind in kinds:
            if rng.random() < {"RADIATION": 0.4, "OTHER": 0.3}.get(kind, 0.12):
                chosen.append((kind, rng.choice(OTHER_INTERVENTIONS[kind])))
        return chosen

    def start_date(self, rng, status):
        if rng.random() < 0.01:
            return None
        first_year = 2019 if status in OPEN_STATUSES else 2000
        last_year = 2026 if status in OPEN_STATUSES else 2023
        return date(rng.randint(first_year, last_year), rng.randint(1, 12), rng.randint(1, 28))

    def titles(self, rng, phase, study_type, drugs, others, conditions):
        condition = conditions[0]
        named = [d.title() for d in drugs] + [name.title() for _, name in others if _ != "OTHER"]
        setting = rng.choice(SETTINGS)
        if study_type == "OBSERVATIONAL" or not named:
            topic = rng.choice(OBSERVATIONAL_TOPICS)
            title = f"{topic} in {setting} {condition}"
            official = f"A Prospective Observational Study of {topic} in Patients With {setting} {condition}"
            return title, official
        agents = " Plus ".join(named[:3]) if rng.random() < 0.6 else " With or Without ".join(named[:2])
        title = f"{agents} for {setting} {condition}"
        if phase in PHASE_WORDS and rng.random() < 0.5:
            title = f"{PHASE_WORDS[phase]} Study of {title}"
        phase_words = PHASE_WORDS.get(phase, "")
        official = f"{rng.choice(DESIGNS)} {phase_words} Trial of {agents} in Patients With {setting} {condition}"
        return title, " ".join(official.split())

    def acronym(self, rng, title):
        letters = "".join(word[0] for word in title.split() if word[:1].isalpha() and word[0].isupper())
        return f"{letters[:5].upper()}-{rng.randint(1, 99):02d}"

    def summary(self, rng, drugs, others, conditions):
        condition = conditions[0].lower()
        agents = " and ".join(drugs[:2]) or (others[0][1] if others else "routine follow-up")
        sentences = [
            f"This study evaluates whether {agents} improves {rng.choice(ENDPOINTS)} in patients with {condition}.",
            f"Participants receive treatment {rng.choice(SCHEDULES)} for up to {rng.randint(2, 35)} cycles "
            f"or until disease progression or unacceptable toxicity.",
            f"The primary endpoint is {rng.choice(ENDPOINTS)}; secondary endpoints include "
            f"{rng.choice(ENDPOINTS)} and safety.",
        ]
        if rng.random() < 0.5:
            sentences.append(f"Tumour and blood samples are collected to study markers of response in {condition}.")
        return " ".join(sentences)

    def dose(self, rng):
        if rng.random() < 0.3:
            return ""
        amount = rng.choice([1, 2, 3, 5, 10, 40, 75, 100, 200, 240, 400, 480, 1000])
        route = rng.choice(["IV", "orally", "subcutaneously"])
        return f"{amount} mg {route} {rng.choice(SCHEDULES)}"

    def sites(self, rng, status):
        count = self.site_counts.draw(rng)
        home = self.countries.draw(rng)
        abroad = rng.random() < min(0.9, count / 20)  # large trials tend to be multinational
        site_status = status if status in OPEN_STATUSES else ""
        seen, sites = set(), []
        for number in range(count):
            country = self.countries.draw(rng) if abroad and rng.random() < 0.5 else home
            city = rng.choice(self.cities[country])
            name = rng.choice(SITE_PATTERNS).format(city=city, saint=rng.choice(SAINTS))
            if (name, city) in seen:
                name = f"{name}, Unit {number + 1}"
            seen.add((name, city))
            sites.append({"name": name[:300], "city": city[:120], "country": country, "status": site_status})
        return sites

    def criteria(self, rng, conditions, drugs):
        total = self.criteria_counts.draw(rng)
        inclusions = max(2, round(total * rng.uniform(0.35, 0.6)))
        values = {
            "condition": conditions[0].lower(), "ecog": rng.choice([1, 2]), "age": rng.choice([18, 18, 18, 20, 65]),
            "anc": rng.choice([1000, 1500]), "crcl": rng.choice([30, 50, 60]),
            "stage": rng.choice(["III", "IVA", "IVB", "III-IVB"]),
            "setting": rng.choice(["recurrent", "metastatic", "recurrent or metastatic"]),
            "weeks": rng.choice([4, 12, 24]),
            "hb": rng.choice([8, 9, 10]), "plt": rng.choice([75, 100]), "lft": rng.choice([2.5, 3, 5]),
            "packs": rng.choice([10, 20]), "treatment": rng.choice(["chemoradiotherapy", "surgery", "radiotherapy"]),
            "cps": rng.choice([1, 20]), "years": rng.choice([2, 3, 5]), "drug": drugs[0] if drugs else "any study drug",
            "grade": rng.choice([2, 3]), "days": rng.choice([28, 30]),
        }
        rows = []
        for kind, patterns, count in (("INCLUSION", INCLUSION_PATTERNS, inclusions),
                                      ("EXCLUSION", EXCLUSION_PATTERNS, total - inclusions)):
            for position in range(1, count + 1):
                text = patterns[(position - 1) % len(patterns)] if position <= len(patterns) else rng.choice(patterns)
                rows.append((kind, position, text.format(**values)))
        return rows
