"""REST, knowledge context: indicators, areas, observations, the situational picture and bulk imports."""
