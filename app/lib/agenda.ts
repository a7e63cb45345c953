// The agenda's clock: each item starts when the one before it ends, from the meeting's start.
export interface TimedItem { startsAt: string; endsAt: string }

export function computeAgendaTimes<T extends { durationMinutes: number }>(
  meetingStartsAt: string,
  meetingEndsAt: string,
  items: T[],
): { items: (T & TimedItem)[]; totalMinutes: number; overrunMinutes: number; endsAt: string } {
  let t = new Date(meetingStartsAt).getTime();
  const timed = items.map((item) => {
    const startsAt = new Date(t).toISOString();
    t += item.durationMinutes * 60000;
    return { ...item, startsAt, endsAt: new Date(t).toISOString() };
  });
  const totalMinutes = items.reduce((n, i) => n + i.durationMinutes, 0);
  const overrunMinutes = Math.max(0, Math.round((t - new Date(meetingEndsAt).getTime()) / 60000));
  return { items: timed, totalMinutes, overrunMinutes, endsAt: new Date(t).toISOString() };
}
