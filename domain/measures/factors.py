"""Measures domain room: the risk and protective factors a measure may target — a fixed, versioned
vocabulary (codes), so that the situational picture can line measures up with indicators that
measure the same factor (the logic model). Names are for developers; the SPA words each code."""

from __future__ import annotations

VERSION = "2026-1"

RISK: dict[str, str] = {
    "early-substance-use": "Early onset of alcohol or drug use",
    "peer-delinquency": "Friends who break the law or use drugs",
    "low-school-attachment": "Weak attachment to school, truancy",
    "school-dropout": "Dropping out of upper-secondary school",
    "academic-failure": "Low school achievement",
    "family-conflict": "Conflict or violence in the family",
    "low-parental-monitoring": "Little parental follow-up and monitoring",
    "parental-substance-use": "Parents' alcohol or drug problems",
    "mental-health-problems": "Anxiety, depression, behavioural problems",
    "bullying": "Bullying, being bullied",
    "loneliness": "Loneliness, lack of belonging",
    "neighbourhood-disorder": "Disorder and crime in the neighbourhood",
    "low-income": "Family's low income",
    "online-risk": "Risky online environments",
}

PROTECTIVE: dict[str, str] = {
    "school-attachment": "Good attachment to school",
    "parental-support": "Support and follow-up at home",
    "prosocial-peers": "Friends with positive norms",
    "positive-leisure": "Organised leisure activities",
    "trusted-adult": "A trusted adult outside the family",
    "coping-skills": "Social and emotional skills",
    "community-belonging": "Belonging to the local community",
    "work-experience": "Work experience and a summer job",
}
