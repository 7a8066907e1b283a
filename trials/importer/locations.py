"""Sites: a facility name with its address ('City, State, Zip, Country'), in the shapes pages use:
'Name — City, Country (STATUS)', 'Facility, City, State, Country — Status', or the name, the city and
the country on lines of their own, each optionally followed by a status line."""
import re
from dataclasses import dataclass
from functools import cache

from trials.importer import normalise
from trials.importer.vocab import load_words

INLINE_SITE = re.compile(r"^(?P<name>.+?)\s+[—–]\s+(?P<address>.+)$")
SITE_STATUS = re.compile(r"\s*(?:\((?P<status>[A-Za-z_ ,-]+)\)|\s[—–-]\s+(?P<dashed>[A-Za-z_ ,-]+))\s*$")
BULLET = re.compile(r"^\s*(?:[-*•·▪◦]\s*)")
TABLE_NAME_COLUMNS = ("name", "facility", "site", "site name", "hospital", "institution", "centre", "center")


@dataclass
class Address:
    city: str | None
    country: str | None


@cache
def organisation_pattern():
    words = "|".join(re.escape(word) for word in load_words("organisation_words.txt"))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def is_organisation(text):
    return bool(organisation_pattern().search(text))


def read_address(line):
    """City and country from 'City, Region, Zip, Country', or None when the line is not an address."""
    parts = [p.strip() for p in line.split(",") if p.strip()]
    if not parts:
        return None
    country = normalise.country_code(parts[-1])
    city = parts[0] if not re.search(r"\d", parts[0]) else None
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


def site(name, address, status=None):
    return {"name": name, "city": address.city, "country": address.country, "status": status}


def split_status(line):
    """(line without its status, status code or None): 'X (Recruiting)', 'X — Recruiting', or a status alone."""
    whole = normalise.status(line)
    if whole:
        return "", whole
    found = SITE_STATUS.search(line)
    code = found and normalise.status(found["status"] or found["dashed"])
    return (line[:found.start()].strip(), code) if code else (line, None)


def one_line_site(line, status):
    """'Name — City, Country' or 'Facility, City, Region, Country' on one line, or None."""
    inline = INLINE_SITE.match(line)
    if inline and read_address(inline["address"]):
        return site(inline["name"].strip(), read_address(inline["address"]), status)
    name, _, address = line.partition(",")
    found = read_address(address) if address.count(",") >= 1 else None
    if found and found.country and is_organisation(name):
        return site(name.strip(), found, status)
    return None


def read_sites(lines):
    """Sites from a locations section. A line that is only an address (a city list) names no facility
    and gives no site; a status line belongs to the site just read."""
    sites, name, city = [], None, None
    for raw in lines:
        line, status = split_status(BULLET.sub("", raw).strip())
        if not line:
            if status and sites and name is None and sites[-1]["status"] is None:
                sites[-1]["status"] = status
            continue
        whole = one_line_site(line, status)
        address = None if whole else read_address(line)
        if whole:
            sites.append(whole)
        elif address and name:
            sites.append(site(name, Address(address.city or city, address.country), status))
        elif name and city is None and is_place(line):
            city = line.split(",")[0].strip()
            continue
        elif not address:
            name, city = line, None
            continue
        name, city = None, None
    return sites


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
