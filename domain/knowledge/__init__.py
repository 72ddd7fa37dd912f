"""Knowledge context (kunnskapsgrunnlag): indicators, areas and their populations, observations,
de-identified event records, bulk import jobs and the situational picture (DOMAIN.md "Knowledge
and the situational picture"; PRIVACY.md § 3). Statistics are never about identifiable persons;
event records carry a pseudonymous subject key only and are never read one by one.

May import ``domain.shared`` and ``domain.measures.factors`` (the factor codes) only."""
