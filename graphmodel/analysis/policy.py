"""The policy: thresholds for the gap rules and costs for pairing proposals, from a TOML file.

Every key is a field of ``Policy``; a file names only the keys it changes. A ``[districts.X]``
table (``X`` a district's id or name) overrides the gap thresholds for that district, because
districts set their own (东城区 asks for at least 6 social organizations per residents'
committee). ``docs/policy.example.toml`` documents every key with its default.
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphmodel.errors import GraphmodelError, GraphmodelWarning

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "DISTRICT_KEYS",
    "Policy",
    "PolicyError",
    "PolicyWarning",
    "load_policy",
    "policy_from_dict",
]


class PolicyError(GraphmodelError):
    """A policy file cannot be read, or names an unknown key or a bad value."""


class PolicyWarning(GraphmodelWarning):
    """A policy names something the graph does not have (a district override goes unused)."""


@dataclass(frozen=True)
class Policy:
    """Thresholds and costs. The defaults and the reasons for them:

    - ``min_social_orgs_community`` (10) and ``min_social_orgs_village`` (5): community social
      organizations a 社区 / a 村 should have. 民政部《关于大力培育发展社区社会组织的意见》
      (民发〔2017〕191号) sets "城市社区平均拥有不少于10个、农村社区平均拥有不少于5个社区社会
      组织". A district may ask for its own number (东城区: at least 6 per residents' committee).
    - ``min_committee_member_units`` (5): member units a coordination committee should have.
      No regulation sets it; this is the project's choice: with fewer than five resident units
      a committee adds little to what a few pairings already do, and the committees the
      sources describe are far larger (万寿路街道: 92 member units). Set it to your own rule.
    - ``pairing_review_years`` (3): a pairing older than this with no renewal is due for review,
      and a pairing that ended less than this long ago without renewal is reported as expired.
      No source document sets a term; three years is the project's choice. Set it to the term
      your agreements (结对共建协议书) run for.
    - ``min_cluster_size`` (2): the smallest isolated cluster reported (a single actor without
      ties is already reported as ``working_alone`` or ``unpaired_community``).
    - ``unit_capacity`` (3): communities a unit can pair with at once unless the ledger gives the
      unit its own ``capacity`` (结对上限).
    - ``cost_same_street`` (1) < ``cost_same_district`` (10) < ``cost_elsewhere`` (30): the cost
      of a proposed pairing by where the unit sits relative to the community.
    - ``cost_per_active_pairing`` (2) and ``cost_not_working_alone`` (1): added to a proposal's
      cost for each pairing the unit already has, and once if it is not working alone, so that
      units working alone are asked first. With the default capacity of 3 the largest such
      penalty (1 + 2 x 2 = 5) stays below the step from same street to same district (9).
    - ``elsewhere_units`` and ``elsewhere_levels`` (both empty): a proposal pairs a community
      only with units of its own district, except units named here (id or name) or of a level
      listed here (e.g. ``["市"]`` for 市级下沉单位), which may serve any district; with
      ``elsewhere_districts`` (empty: no limit) only among the districts listed (ids or names),
      so that a city's units are not proposed to another city (see
      ``graphmodel.analysis.recommend``).
    - ``report_rows`` (10): rows in each list of the report's body (gaps of a rule, hubs,
      points of failure, proposals, streets); a reader with ten minutes reads the top of each
      list, and the full lists go to the ``.xlsx`` appendix.
    - ``need_claim_days`` (7) and ``need_resolve_days`` (30): a need still 待认领 this many days
      after it was raised, or still 办理中, is overdue (rule ``unmet_need``). No source
      document sets a deadline; these are the project's choice (a week to find who takes a
      need on, a month to meet it). Set them to your platform's rule.
    - ``work_period_days`` (365): the period in which a pairing must show work between its two
      sides (``dormant_pairing``, 挂名结对) and a resource must be used (``idle_resource``);
      a year, since pairings and lists are reviewed yearly (年度考核). The project's choice.
    - ``resource_capacity`` (1): needs per year a resource can meet when the ledger gives it
      no ``capacity``.
    - ``cost_match_paired`` (1) < ``cost_match_committee`` (3) < ``cost_match_street`` (10) <
      ``cost_match_district`` (30) < ``cost_match_elsewhere`` (100): the cost of meeting a need
      with a resource, by how near its offerer is to the need's community in the network
      (``graphmodel.analysis.match``).
    - ``districts``: per-district overrides of the keys in ``DISTRICT_KEYS``, by id or name.
    """

    min_social_orgs_community: int = 10
    min_social_orgs_village: int = 5
    min_committee_member_units: int = 5
    pairing_review_years: int = 3
    min_cluster_size: int = 2
    unit_capacity: int = 3
    cost_same_street: int = 1
    cost_same_district: int = 10
    cost_elsewhere: int = 30
    cost_per_active_pairing: int = 2
    cost_not_working_alone: int = 1
    elsewhere_units: tuple[str, ...] = ()
    elsewhere_levels: tuple[str, ...] = ()
    elsewhere_districts: tuple[str, ...] = ()
    report_rows: int = 10
    need_claim_days: int = 7
    need_resolve_days: int = 30
    work_period_days: int = 365
    resource_capacity: int = 1
    cost_match_paired: int = 1
    cost_match_committee: int = 3
    cost_match_street: int = 10
    cost_match_district: int = 30
    cost_match_elsewhere: int = 100
    districts: Mapping[str, Mapping[str, int]] = field(default_factory=dict, hash=False)

    def for_district(self, district_id: str | None, district_name: str | None = None) -> Policy:
        """This policy with the overrides of the district (looked up by id, then by name)."""
        overrides = self.districts.get(district_id or "") or self.districts.get(district_name or "")
        if not overrides:
            return self
        changes: dict[str, Any] = dict(overrides)
        return dataclasses.replace(self, **changes)

    def warn_unknown_districts(self, districts: Iterable[tuple[str, str]]) -> None:
        """Warn (``PolicyWarning``) about each ``[districts.X]`` table whose ``X`` is neither
        the id nor the name of one of ``districts`` (id, name pairs): its overrides would
        otherwise be ignored without a word, most often because of a typing slip."""
        known = {key for pair in districts for key in pair}
        for name in sorted(set(self.districts) - known):
            warnings.warn(
                PolicyWarning("policy_unknown_district", district=name),
                stacklevel=2,
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with the field names (the ``--json`` form)."""
        data = dataclasses.asdict(self)
        data["districts"] = {k: dict(v) for k, v in sorted(self.districts.items())}
        return data


DISTRICT_KEYS = (
    "min_social_orgs_community",
    "min_social_orgs_village",
    "min_committee_member_units",
    "pairing_review_years",
    "min_cluster_size",
    "need_claim_days",
    "need_resolve_days",
    "work_period_days",
)
"""The keys a ``[districts.X]`` table may override: the gap thresholds, not the costs."""

_MINIMUM = {
    "report_rows": 1,
    "pairing_review_years": 1,
    "min_cluster_size": 1,
    "work_period_days": 1,
}
_MAXIMUM = {
    "pairing_review_years": 100,
}
"""Upper bounds where a larger value means nothing (no pairing runs a century) and would carry
dates past the year 9999 that Python's dates end at."""
_INCREASING = ("cost_same_street", "cost_same_district", "cost_elsewhere")
_LISTS = ("elsewhere_units", "elsewhere_levels", "elsewhere_districts")
_MATCH_INCREASING = (
    "cost_match_paired",
    "cost_match_committee",
    "cost_match_street",
    "cost_match_district",
    "cost_match_elsewhere",
)


def load_policy(path: str | Path | None) -> Policy:
    """The policy in the TOML file at ``path``; the defaults when ``path`` is ``None``.

    Raises ``PolicyError`` naming the key for an unknown key, a value that is not a whole
    number (or, for the ``elsewhere_*`` keys, not a list of names; an unknown unit level), a
    value below its minimum (0, or 1 for ``pairing_review_years`` and
    ``min_cluster_size``) or above its maximum (100 for ``pairing_review_years``), a file that
    is not UTF-8 text, or location costs that do not increase from same street to same
    district to elsewhere.
    """
    if path is None:
        return Policy()
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise PolicyError("policy_unreadable", path=path, error=e) from e
    except tomllib.TOMLDecodeError as e:
        raise PolicyError("policy_not_toml", path=path, reason=str(e)) from e
    except UnicodeDecodeError as e:
        raise PolicyError("policy_not_utf8", path=path) from e
    return policy_from_dict(data, where=str(path))


def policy_from_dict(data: Mapping[str, Any], where: str = "policy") -> Policy:
    """The policy that ``data`` (a parsed TOML document) describes; see ``load_policy``."""
    scalar = {f.name for f in dataclasses.fields(Policy)} - {"districts"}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "districts":
            values["districts"] = _districts(value, where)
        elif key in _LISTS:
            values[key] = _names(value, key, where)
        elif key in scalar:
            values[key] = _whole(value, key, where)
        else:
            raise PolicyError("policy_unknown_key", where=where, key=key, known=sorted(scalar))
    policy = Policy(**values)
    for keys in (_INCREASING, _MATCH_INCREASING):
        costs = [getattr(policy, k) for k in keys]
        if any(a >= b for a, b in itertools.pairwise(costs)):
            raise PolicyError(
                "policy_costs",
                where=where,
                keys=" < ".join(keys),
                costs=" < ".join(str(c) for c in costs),
            )
    return policy


def _districts(value: Any, where: str) -> dict[str, dict[str, int]]:
    if not isinstance(value, dict):
        raise PolicyError("policy_districts", where=where)
    out: dict[str, dict[str, int]] = {}
    for district, overrides in value.items():
        if not isinstance(overrides, dict):
            raise PolicyError("policy_district_table", where=where, district=district)
        out[district] = {}
        for key, v in overrides.items():
            name = f"districts.{district}.{key}"
            if key not in DISTRICT_KEYS:
                raise PolicyError(
                    "policy_district_key", where=where, key=name, known=list(DISTRICT_KEYS)
                )
            out[district][key] = _whole(v, name, where, _MINIMUM.get(key, 0))
    return out


def _names(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise PolicyError("policy_names", where=where, key=key, value=repr(value))
    if key == "elsewhere_levels":
        from graphmodel.schema import UNIT_LEVELS

        unknown = [v for v in value if v not in UNIT_LEVELS]
        if unknown:
            raise PolicyError(
                "policy_level", where=where, key=key, level=unknown[0], levels=list(UNIT_LEVELS)
            )
    return tuple(value)


def _whole(value: Any, key: str, where: str, minimum: int | None = None) -> int:
    if minimum is None:
        minimum = _MINIMUM.get(key, 0)
    maximum = _MAXIMUM.get(key.rpartition(".")[2])
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise PolicyError("policy_whole", where=where, key=key, minimum=minimum, value=repr(value))
    if maximum is not None and value > maximum:
        raise PolicyError(
            "policy_maximum", where=where, key=key, maximum=maximum, value=repr(value)
        )
    return value
