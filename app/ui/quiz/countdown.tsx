// The time left on a timed attempt, counted down every second from the server's deadline (so a reload, another
// tab or another device shows the same time). At zero the page reloads and the server closes the attempt.
import { useRevalidator } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dated } from '~/ui/date-text'
import { hallTime } from '../time-text'

const pad = (n: number) => String(n).padStart(2, '0')

export function remainingText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(seconds / 3600)
  const rest = `${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`
  return hours > 0 ? `${hours}:${rest}` : rest
}

export function Countdown({ deadline, serverNow }: { deadline: string; serverNow: string }) {
  const { t } = useTranslation()
  const revalidator = useRevalidator()
  // the server's clock decides; the offset corrects a phone whose clock is wrong
  const [left, setLeft] = useState<number | null>(null)
  useEffect(() => {
    const offset = new Date(serverNow).getTime() - Date.now()
    const end = new Date(deadline).getTime()
    const tick = () => setLeft(end - (Date.now() + offset))
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
  }, [deadline, serverNow])
  const over = left !== null && left <= 0
  useEffect(() => {
    if (over && revalidator.state === 'idle') revalidator.revalidate()
  }, [over, revalidator])
  return (
    <p className={`countdown${left !== null && left < 60_000 ? ' urgent' : ''}`} role="timer" aria-live="off">
      <Dated text={left === null ? t('quizTaking.deadlineAt', { time: hallTime(deadline) }) : t('quizTaking.timeLeft', { time: remainingText(left) })} />
    </p>
  )
}
