"""Sites: a facility name with its address ('City, State, Zip, Country') on the same or the next line."""
import re
from dataclasses import dataclass

from trials.importer import normalise

INLINE_SITE = re.compile(r"^(?P<name>.+?)\s+[—–]\s+(?P<address>.+)$")
SITE_STATUS = re.compile(r"\s*\((?P<status>[A-Za-z_ ,]+)\)\s*$")
BULLET = re.compile(r"^\s*(?:[-*•·▪◦]\s*)")


@dataclass
class Address:
    city: str | None
    country: str | None


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


def site(name, address, status=None):
    return {"name": name, "city": address.city, "country": address.country,
            "status": normalise.status(status) if status else None}


def read_sites(lines):
    """Sites from a locations section: 'Name — City, Country (STATUS)' lines, or a name line followed by
    an address line. A line that is only an address (a city list) names no facility and gives no site."""
    sites, pending = [], None
    for raw in lines:
        line = BULLET.sub("", raw).strip()
        if not line:
            continue
        status = None
        found = SITE_STATUS.search(line)
        if found and normalise.status(found["status"]):
            status, line = found["status"], line[:found.start()].strip()
        inline = INLINE_SITE.match(line)
        if inline and read_address(inline["address"]):
            sites.append(site(inline["name"].strip(), read_address(inline["address"]), status))
            pending = None
            continue
        address = read_address(line)
        if address and pending:
            sites.append(site(pending, address, status))
            pending = None
        elif not address:
            pending = line
    return sites


def read_table_sites(rows):
    """Sites from a pipe table whose header names the columns (Country | Name | City | State)."""
    header = [cell.casefold() for cell in rows[0]]
    if "name" not in header and "facility" not in header:
        return []
    column = {name: header.index(name) for name in ("country", "name", "facility", "city") if name in header}
    sites = []
    for row in rows[1:]:
        cell = lambda name: row[column[name]].strip() if name in column and column[name] < len(row) else None  # noqa: E731
        name = cell("name") or cell("facility")
        if not name:
            continue
        city = cell("city") or None
        country = normalise.country_code(cell("country")) or normalise.city_country(city)
        sites.append({"name": name, "city": city, "country": country, "status": None})
    return sites
