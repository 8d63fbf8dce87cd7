// One page whose loader returns REFERENCE_PAD_CHARS characters of text (read per request), rendered once.
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'

const WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '

export async function loader() {
  const chars = Number(process.env.REFERENCE_PAD_CHARS ?? 0)
  return json({ text: WORDS.repeat(Math.ceil(chars / WORDS.length)).slice(0, chars) })
}

export default function Index() {
  const { text } = useLoaderData<typeof loader>()
  return (
    <main>
      <h1>Reference page</h1>
      <p>{text}</p>
    </main>
  )
}
