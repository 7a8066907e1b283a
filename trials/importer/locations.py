"""Sites: a facility name with its address ('City, State, Zip, Country'), in the shapes pages use:
'Name — City, Country (STATUS)', 'Facility, City, State, Country — Status', or the name, the city and
the country on lines of their own, each optionally followed by a status line."""
import re
from dataclasses import dataclass
from functools import cache

from trials.importer import normalise
from trials.importer.labels import fields_for, fold
from trials.importer.vocab import load_json, load_words

INLINE_SITE = re.compile(r"^(?P<name>.+?)\s+[—–]\s+(?P<address>.+)$")
HYPHENED_SITE = re.compile(r"^(?P<name>.+)\s-\s(?P<address>[^-]+)$")  # the last ' - ': names hold hyphens too
REMARK = re.compile(r"\s*\([^()]*\)")
COLUMN_GAP = re.compile(r"\s{3,}|\t+")
DISTANCE = re.compile(r"^\d+(?:[.,]\d+)?\s*(?:km|mi|miles)$", re.I)
COPYRIGHT = re.compile(r"©|\bcopyright\b|\ball rights reserved\b", re.I)
SITE_STATUS = re.compile(r"\s*(?:\((?P<status>[A-Za-z_ ,-]+)\)|\s[—–-]\s+(?P<dashed>[A-Za-z_ ,-]+))\s*$")
LEADING_SYMBOLS = re.compile(r"^[^\w(\"'’]+")
TABLE_NAME_COLUMNS = ("name", "facility", "site", "site name", "hospital", "institution", "centre", "center")


@dataclass
class Address:
    city: str | None
    country: str | None


@cache
def organisation_pattern():
    words = load_words("organisation_words.txt")
    whole = "|".join(re.escape(word) for word in words if not word.startswith("*"))
    endings = "|".join(re.escape(word[1:]) for word in words if word.startswith("*"))  # 'Rigshospitalet'
    return re.compile(rf"\b(?:{whole})\b|(?:{endings})\b", re.IGNORECASE)


def is_organisation(text):
    return bool(organisation_pattern().search(text))


@cache
def us_states():
    return frozenset(load_json("countries.json")["us_states"])


def read_address(line):
    """City and country from 'City, Region, Zip, Country', or None when the line is not an address. A US
    state code ends a US address ('Boston, MA'), never a country code ('MA' is not Morocco there)."""
    parts = [p.strip() for p in line.split(",") if p.strip()]
    if not parts:
        return None
    city = parts[0] if not re.search(r"\d", parts[0]) else None
    if len(parts) >= 2 and parts[-1] in us_states():
        return Address(city, normalise.city_country(city) or "US")
    if len(parts) >= 2 and parts[-1] in state_codes():  # 'Toronto, ON', 'Melbourne, VIC'
        return Address(city, state_codes()[parts[-1]])
    country = normalise.country_code(parts[-1]) or (len(parts) >= 2 and normalise.region_country(parts[-1])) or None
    if not country and len(parts) >= 3:  # 'Seoul, Korea, Republic of'
        country = normalise.country_code(", ".join(parts[-2:]))
    if country and len(parts) >= 2:
        return Address(city, country)
    if city and len(parts) >= 2 and normalise.city_country(city):
        return Address(city, normalise.city_country(city))
    if len(parts) == 1 and country:
        return Address(None, country)
    return None


def is_place(line):
    """'Rochester, Minnesota': a city and region without a country (its country follows on the next line)."""
    parts = [p.strip() for p in line.split(",")]
    return 2 <= len(parts) <= 3 and not is_organisation(line) and all(
        part and len(part.split()) <= 4 and not re.search(r"\d", part) for part in parts[:2])


def is_short_place(text):
    """'Birmingham', 'San Francisco': a bare place name; not a label ('Sponsor' over the sponsor's name)."""
    return (0 < len(text.split()) <= 3 and not is_organisation(text) and not re.search(r"[\d:;()]", text)
            and not fields_for(text))


def site(name, address, status=None):
    return {"name": name, "city": address.city, "country": address.country, "status": status}


def split_status(line):
    """(line without its status, status code or None): 'X (Recruiting)', 'X — Recruiting', a status glued
    to the address ('…ChinaRecruiting'), or a status alone."""
    whole = normalise.status(line)
    if whole:
        return "", whole
    found = SITE_STATUS.search(line)
    code = found and normalise.status(found["status"] or found["dashed"])
    if code:
        return line[:found.start()].strip(), code
    for glue in reversed([m.start() for m in GLUE.finditer(line)]):
        code = normalise.status(line[glue:])
        if code:
            return line[:glue].strip(), code
    return line, None


GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
WORD_BEFORE_GLUE = re.compile(r"(?:^|[^\w])[A-Za-z]?[a-z]{3,}$")
PIECE_SEPARATORS = (" · ", " | ", " — ", " – ")
TRAILING_COUNTRY = re.compile(r"^(?P<line>.+,\s*[^,()]+?)\s*\((?P<country>[^()]+)\)$")
PARENTHESISED_PLACE = re.compile(r"^(?P<name>.+?)\s*\((?P<place>[^()]+)\)$")
LABELLED = re.compile(r"^(?P<label>[A-Za-z][\w /()'-]{1,40}?)(?:\s*\[\d{1,3}\])?\s*[:]\s*(?P<value>.*)$|"
                      r"^(?P<dashed>[A-Za-z][\w /()'-]{1,40}?)\s*\[\d{1,3}\]\s*-\s*(?P<rest>.*)$")


def one_line_site(line, status, country=None):
    """A whole site on one line, or None: 'Name — City, Country', 'Facility, City, Region, Country',
    'Status · Facility · City, Country', 'Hospital, City', 'Facility (City, Region)', or a name glued to its
    address ('…School of MedicineShanghai, Shanghai, China'). country: the heading the list is under; a
    country in brackets after the address ('Rigshospitalet, Köpenhamn (Danmark)') stands for it."""
    bracketed = TRAILING_COUNTRY.match(line)
    if bracketed and normalise.country_code(bracketed["country"]):
        line, country = bracketed["line"], normalise.country_code(bracketed["country"])
    pieces = pieces_site(line, status, country)
    if pieces:
        return pieces
    hyphened = HYPHENED_SITE.match(line)
    address = hyphened and read_address(hyphened["address"])
    if address and address.country and "," in hyphened["address"]:  # 'Juravinski Cancer Centre - Hamilton, ON'
        return site(hyphened["name"].strip(), address, status)
    inline = INLINE_SITE.match(line)
    if inline and read_address(inline["address"]):
        return site(*with_district(inline["name"].strip(), inline["address"], line[inline.end("name"):inline.start("address")]),
                    status)
    glued = glued_site(line, status)
    if glued:
        return glued
    name, _, address = line.partition(",")
    found = read_address(address) if address.count(",") >= 1 else None
    if found and found.country and (is_organisation(name) or state_coded(address) and not is_region(name)):
        return site(name.strip(), found, status)
    return place_site(line, status, country)


def state_coded(address):
    """'Pittsburgh, PA': an address closed by a US state code, a shape no other text takes."""
    return address.rsplit(",", 1)[-1].strip() in us_states()


def is_region(text):
    return bool(normalise.city_country(text) or normalise.region_country(text) or normalise.country_code(text))


def with_district(name, place, separator):
    """(name, address) for 'Name – District, City, Region': a first address part that is no known city
    ('Shadyside, Pittsburgh, PA', 'Antoni van Leeuwenhoek, Amsterdam, Netherlands') belongs to the
    facility's name when the rest is an address with a known city."""
    parts = [part.strip() for part in place.split(",") if part.strip()]
    if len(parts) >= 3 and not normalise.city_country(parts[0]):
        rest = read_address(", ".join(parts[1:]))
        if rest and rest.city and normalise.city_country(rest.city) == rest.country:
            return name + separator + parts[0], rest
    return name, read_address(place)


def pieces_site(line, status, country):
    separator = next((s for s in PIECE_SEPARATORS if s in line), None)
    if separator is None:
        return None
    pieces = [piece.strip() for piece in line.split(separator) if not DISTANCE.match(piece.strip())]
    leading = normalise.country_code(pieces[0]) or state_codes().get(pieces[0])
    if len(pieces) == 2 and leading:  # 'Japan – National Cancer Center, Kashiwa', 'NSW · Westmead Hospital — Sydney'
        return one_line_site(pieces[1], status, leading)
    statuses = [normalise.status(piece) for piece in pieces]
    rest = [piece for piece, code in zip(pieces, statuses) if not code]
    status = next((code for code in statuses if code), status)
    if len(rest) == 1 and len(pieces) == 2:  # 'Name — City, Country · Recruiting': the site before its status
        return one_line_site(rest[0], status, country)
    if len(rest) < 2:
        return None
    name, address = with_district(rest[0], ", ".join(rest[1:]), separator)
    if not is_organisation(rest[0]) and not (address and address.country) and not country:
        return None
    if address is None and len(rest) == 2 and is_short_place(rest[1]):
        address = Address(rest[1], normalise.city_country(rest[1]) or country)
    return site(name, address, status) if address else None


def place_site(line, status, country):
    """'Hospital, City' or 'Facility (City, Region)'."""
    bracketed = PARENTHESISED_PLACE.match(line)
    name, place = (bracketed["name"], bracketed["place"]) if bracketed else line.rpartition(",")[::2]
    city, code = city_and_state(place.split(",")[0].strip())
    if not is_short_place(city) or not (is_organisation(name) or known_city_under(name, city, country)):
        return None
    address = read_address(place) if "," in place else None
    return site(name.strip(), Address(city, (address and address.country) or normalise.city_country(city) or code or country),
                status)


@cache
def state_codes():
    return load_json("countries.json")["state_codes"]


def city_and_state(place):
    """'Melbourne VIC' -> ('Melbourne', 'AU'): a state or province code after a city fixes its country."""
    city, _, code = place.rpartition(" ")
    country = state_codes().get(code)
    return (city.strip(), country) if city.strip() and country else (place, None)


def known_city_under(name, city, country):
    """Under a country heading, 'Gustave Roussy, Villejuif' is a site when the city is one of that country's
    and the name is no place itself."""
    return bool(country and name.strip()) and normalise.city_country(city) == country and not (
        normalise.city_country(name) or normalise.region_country(name) or normalise.country_code(name))


def heading_country(line):
    """The country a site-list heading names: 'Belgium', 'Schweiz / Suisse', 'Ontario', 'Italy — Authorised'."""
    head = REMARK.sub("", re.split(r"\s+[—–-]\s+|\s+/\s+", line)[0]).strip()  # 'Australia (via TROG)'
    if is_organisation(line) or len(head.split()) > 4:
        return None
    return normalise.country_code(head) or normalise.region_country(head)


@cache
def location_heading():
    words = "|".join(re.escape(fold(word)) for word in load_json("countries.json")["location_heading"])
    return re.compile(rf"\b(?:{words})\b")


def location_headings(page, skip):
    """Short lines that head a site list by their words ('Studienzentren / Centres participants', '🏥 Sites',
    'Where it's happening (showing 6 of 130 locations)', 'Hospitals in the UK taking part included:')."""
    return [line for index, line in enumerate(page.lines) if index not in skip and is_location_heading(page, index)]


def is_location_heading(page, index):
    line = page.lines[index]
    return (":" not in line.rstrip().rstrip(":") and 0 < len(fold(page.keys[index]).split()) <= HEADING_WORDS
            and bool(location_heading().search(fold(line))))


HEADING_WORDS = 8
SITE_FIELD_WORDS = 2  # 'Status', 'Site status'; not 'Recruitment Status of Trial (India)'


def site_field_lines(page, all_headings, skip):
    """Lines of a site list that give each site its own field ('Status: Temporarily closed to accrual'
    under one hospital): a short label for a field site lists give each site, repeated in the list (a
    trial's 'Status:' below a navigation row naming 'Locations' is there once). Not the trial's values."""
    labelled = {index: label for index, line in enumerate(page.lines)
                if ":" in line and (label := site_field_label(line))}
    lines = set()
    if len(labelled) < 2:
        return lines
    for start, end in page.spans(location_headings(page, skip), all_headings):
        by_label = {}
        for index in range(start + 1, end):
            if index in labelled:
                by_label.setdefault(labelled[index], []).append(index)
        lines.update(index for indexes in by_label.values() if len(indexes) > 1 for index in indexes)
    return lines


def site_field_label(line):
    """The folded label of a 'Status: Recruiting' line, when it is short and names a site field."""
    match = LABELLED.match(line.strip())
    label = match and match["label"]
    if label and len(label.split()) <= SITE_FIELD_WORDS and set(fields_for(label)) & site_fields():
        return fold(label)
    return None


@cache
def site_fields():
    return frozenset(load_json("label_words.json")["site_fields"])
COUNTRY_IN_HEADING = re.compile(r"\bin\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)")


def heading_place(line):
    """The country a site list's heading places its sites in: 'Hospitals in the UK taking part' -> 'GB'."""
    match = COUNTRY_IN_HEADING.search(line)
    return normalise.country_code(match.group(1)) if match else None


def glued_site(line, status):
    """'…School of MedicineShanghai, Shanghai, China'; not a capital inside a name ('McCandless')."""
    for glue in reversed([m.start() for m in GLUE.finditer(line) if WORD_BEFORE_GLUE.search(line[:m.start()])]):
        address = read_address(line[glue:])
        if address and address.country and "," in line[glue:] and is_organisation(line[:glue]):
            return site(line[:glue].strip(), address, status)
    return None


@cache
def location_labels():
    data = load_json("location_labels.json")
    return {label: role for role in ("country", "city", "name", "status", "skip") for label in data[role]}


def read_sites(lines, country=None):
    """Sites from a locations section. A line that is only an address (a city list) names no facility
    and gives no site; a status line belongs to the site just read. A country alone on its line heads the
    sites below it; place lines above a facility ('California / San Francisco / UCSF …') give its city;
    'Country: … City: … Institution: …' lines are read by their labels, 'Ireland: Name, City; Name, City'
    as a country's sites. Columns set apart by wide gaps ('Name      City, Region      Status') are the
    pieces of one site; a bullet or symbol ('📍') before a line is no part of it; a copyright line ends the
    list."""
    reader = SiteReader()
    reader.country = country
    for raw in lines:
        if COPYRIGHT.search(raw):
            break
        reader.read(COLUMN_GAP.sub(" · ", LEADING_SYMBOLS.sub("", raw).strip()))
    reader.flush()
    return reader.sites


class SiteReader:
    def __init__(self):
        self.sites, self.name, self.city, self.country = [], None, None, None

    def flush(self):
        """A pending facility becomes a site when its city or the country heading above it is known."""
        if self.name and is_organisation(self.name) and (self.city or self.country):
            self.sites.append(site(self.name, Address(self.city, normalise.city_country(self.city) or self.country)))
            self.name, self.city = None, None
            return True
        return False

    def read(self, text):
        if not text:
            self.flush()  # a facility and its address may stand apart: only a complete site is closed here
            return
        labelled = LABELLED.match(text)
        if labelled and self.read_labelled(labelled):
            return
        if labelled and labelled["label"] and heading_country(labelled["label"]) and labelled["value"]:
            self.read_country_list(heading_country(labelled["label"]), labelled["value"])
            return
        line, status = split_status(text.rstrip(",;").strip())
        if not line:
            if status and self.name and self.flush():
                self.sites[-1]["status"] = status
            elif status and self.sites and self.name is None and self.sites[-1]["status"] is None:
                self.sites[-1]["status"] = status
            return
        if normalise.SITE_COUNT.search(line) and normalise.country_code(line):  # 'United States (38)'
            self.name, self.city, self.country = None, None, normalise.country_code(line)
            return
        whole = one_line_site(line, status, self.country)
        if self.name is None and heading_country(line) and not whole:
            self.country = heading_country(line)
            return
        if countries_in_list(line) or is_sentence(line):  # 'United States · Australia · Germany', a note
            self.flush()
            self.name, self.city = None, None
            return
        address = None if whole else read_address(line)
        if whole:
            self.flush()
            self.name, self.city = None, None
            self.sites.append(whole)
        elif address and self.name:
            self.sites.append(site(self.name, Address(address.city or self.city, address.country), status))
            self.name, self.city = None, None
        elif self.name and self.city is None and is_place(line):
            self.city = line.split(",")[0].strip()
        elif self.name and self.city is None and is_organisation(self.name) and normalise.city_country(line):
            self.city = line  # 'Linkou Chang Gung Memorial Hospital' over 'Taoyuan'
            self.flush()
        elif not address and labelled:  # 'Find a site near you: …', 'Contact: …'
            self.flush()
            self.name, self.city = None, None
        elif not address:
            self.flush()
            place = self.name if self.name and is_short_place(self.name) else None
            self.name, self.city = line, place if is_organisation(line) else None
        else:
            self.name, self.city = None, None

    def read_country_list(self, country, value):
        """'Ireland: St James's Hospital, Dublin; Cork University Hospital, Cork': a country's sites."""
        self.flush()
        self.name, self.city, self.country = None, None, country
        for piece in value.split(";"):
            self.read(piece.strip())
            self.flush()
        self.name, self.city = None, None

    def read_labelled(self, match):
        """True when a 'Label: value' line was a site field (or one to skip)."""
        label = " ".join((match["label"] or match["dashed"]).casefold().split())
        value = (match["value"] if match["label"] else match["rest"]) or ""
        role = location_labels().get(label)
        if role is None:
            return False
        if role == "country":
            self.flush()
            self.name, self.city = None, None
            self.country = normalise.country_code(value) or self.country
        elif role == "city":
            self.city = value.strip() or None
        elif role == "name" and value.strip():
            name, _, city = value.partition(" - ")  # the label says it is a facility
            city = city.strip() or self.city
            self.sites.append(site(name.strip(), Address(city, normalise.city_country(city) or self.country)))
            self.name, self.city = None, None
        elif role == "status" and normalise.status(value):
            self.flush()
            if self.sites and self.sites[-1]["status"] is None:
                self.sites[-1]["status"] = normalise.status(value)
        return True


LIST_SEPARATOR = re.compile(r"\s+[·|]\s+|;\s*")
SENTENCE = re.compile(r"^\S+(?:\s+\S+){7,}[.!?]$|^(?:\S+\s+){6,}\S*[a-z]{3}\.\s+[A-Z0-9]")  # or a sentence and more


def countries_in_list(line):
    """The codes of a line that only lists countries ('United States · Australia · Germany'), or []. Commas
    are left alone: 'Hong Kong, China' is an address."""
    codes = [normalise.country_code(part) for part in LIST_SEPARATOR.split(line) if part.strip()]
    return codes if len(set(codes)) == len(codes) >= 2 and all(codes) else []


def is_sentence(line):
    return bool(SENTENCE.match(line))


def counted_countries(lines):
    """'United States (38)', 'France (11 sites)': the countries of a list that counts each one's sites."""
    return [line.strip() for line in lines if normalise.SITE_COUNT.search(line) and normalise.country_code(line)]


def listed_countries(lines):
    """'Argentina · Australia · Belgium': the countries of a line that names two or more and nothing else."""
    names = []
    for line in lines:
        parts = [part.strip() for part in normalise.split_countries(line, at_and=True) if part.strip()]
        if len(parts) >= 2 and all(normalise.country_code(part) for part in parts):
            names.extend(parts)
    return names


def listed_sites(value):
    """A site list written on one line, its sites parted by semicolons (a single piece is no list): 'Gustave Roussy (Villejuif) ; Centre
    Léon Bérard (Lyon)', 'National Cancer Centre Singapore; Prince of Wales Hospital, Hong Kong'. A piece
    is a site when it reads as one with its place, or when it names an organisation alone."""
    sites = []
    pieces = re.split(r"\s*;\s*", value.strip().rstrip("."))
    for piece in pieces if len(pieces) >= 2 else ():
        bracketed = PARENTHESISED_PLACE.match(piece)
        city = bracketed and normalise.city_country(bracketed["place"]) and bracketed["place"].strip()
        found = (site(bracketed["name"].strip(), Address(city, normalise.city_country(city))) if city
                 else one_line_site(piece, None) if piece else None)
        if found:
            sites.append(found)
        elif is_organisation(piece) and "," not in piece and len(piece.split()) <= 10:
            sites.append(site(piece, Address(None, None)))
    return sites


def indexed_sites(lines):
    """Sites a registry lists as numbered fields anywhere on its page: 'Recruitment hospital [1] - Name - City'."""
    reader = SiteReader()
    for line in lines:
        match = LABELLED.match(line.strip())
        if match and match["dashed"]:
            reader.read_labelled(match)
    return reader.sites


def read_table_sites(rows):
    """Sites from a pipe table whose header names the columns (Country | Name | City | State | Status)."""
    header = [cell.casefold() for cell in rows[0]]
    name_column = next((header.index(name) for name in TABLE_NAME_COLUMNS if name in header), None)
    if name_column is None:
        return []
    column = {name: header.index(name) for name in ("country", "city", "status") if name in header}
    sites = []
    for row in rows[1:]:
        cell = lambda name: row[column[name]].strip() if name in column and column[name] < len(row) else None  # noqa: E731
        name = row[name_column].strip() if name_column < len(row) else None
        if not name:
            continue
        city = cell("city") or None
        country = normalise.country_code(cell("country")) or normalise.city_country(city)
        sites.append({"name": name, "city": city, "country": country, "status": normalise.status(cell("status"))})
    return sites
