"""The audit: recomputes every count the report's prose states about its own tables.

- :mod:`~baiqiang.core.audit.model`: a claim, a result, their status and kind.
- :mod:`~baiqiang.core.audit.claims`: the claims themselves, each quoting the report.
- :mod:`~baiqiang.core.audit.runner`: computes, compares, and checks the tables' integrity.
"""

from baiqiang.core.audit.claims import CLAIMS
from baiqiang.core.audit.model import Claim, Kind, Result, Status
from baiqiang.core.audit.runner import audit_passes, run_audit, tally

__all__ = ["CLAIMS", "Claim", "Kind", "Result", "Status", "audit_passes", "run_audit", "tally"]
