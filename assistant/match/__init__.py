"""Policy match: a company profile → every measure it may claim, with ceilings and what is missing."""
