"""The annual-wheel context (årshjul, handbook 4.1): recurring tasks per month, generated into dated
tasks with owners each year, shown as a list and as twelve month sectors; and the meeting-norm
compliance of each body (handbook 2.1: steering "bør" meet at least four times a year,
coordinating monthly).

Aggregates (one module each, frozen dataclasses that ``check()`` themselves):
- ``template.WheelTemplate``: title, month, optional day, owner role, body level, description.
- ``task.WheelTask``: one template's task in one year — due date, owner, status. Its id is derived
  from (template, year) (``task.task_id``), and ``WheelTaskRepository.add_if_absent`` inserts only
  when that key is new, so generating a year twice creates nothing new.

Pure functions: ``generation.plan_year`` (templates → tasks, owners resolved from the
organisation's seats), ``circle.sectors`` (12 sectors of 30° for the circular view, the same tasks
as the list), ``norms.compliance`` (norm, held and planned dates, today → ok | at_risk | missed
with warnings; it warns, it never forbids), ``feed.task_event`` (a task as an all-day calendar
event, title only). ``seeds.HANDBOOK`` is the default wheel.

Calendar feeds (``feeds.FeedService``, its own ports in ``feed_ports``): a person's (the meetings
of the bodies they sit on while they sit there, and the tasks they own) or a body's (its
meetings), reached by an unguessable token stored as a keyed hash; ``feed_content`` maps
meetings (open fields only: the body's name, time, place — never a link or minutes text) and
tasks onto the kernel's calendar events, UID stable and SEQUENCE the version less one.

Builds on the organisation context (bodies, memberships, the establishment's coordinator); reads
meeting dates through its own ``MeetingDates`` port, so it does not depend on the meetings context.
"""
