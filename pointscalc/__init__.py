"""pointscalc: points-based household-registration (积分落户) scoring, explained clause by clause.

The engine knows no city: cities are scheme modules in the ``schemes`` package, or any
file loaded by path.
"""

__version__ = "0.1.0"
