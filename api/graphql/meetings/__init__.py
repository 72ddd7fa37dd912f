"""The GraphQL door of the meetings context: meetings, agendas, attendance, minutes, decisions, action items."""
