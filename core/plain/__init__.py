"""Plain Python, no Polars: what the fast paths load (``show`` through the lookup index, the
explorer's first frame), and what everything else builds on.

- :mod:`.errors` (the one error family), :mod:`.paths` (every folder and environment variable),
  :mod:`.tables` (the registry of tables and the report's edition), :mod:`.geo`, :mod:`.names`,
  :mod:`.suggest`.
- Halves of a pair: a module here holds the rules and types on plain rows; the module of the same
  name in ``baiqiang.core`` computes them over the catalog with Polars —
  :mod:`.resolve` (a name → one unit) with :mod:`baiqiang.core.resolve`, :mod:`.profile` (what
  ``show`` returns, put together from parts) with :mod:`baiqiang.core.profile`, :mod:`.editions`
  (reading an imported edition) with :mod:`baiqiang.core.editions`, :mod:`.index` (reading the
  lookup index) with :mod:`baiqiang.core.index` (writing it), :mod:`.indicators` (a unit's imported
  values) with :mod:`baiqiang.core.indicators`.

No module here imports Polars or a module of ``baiqiang.core`` outside this package
(``tests/core/test_boundary.py`` checks both).
"""
