let context: AudioContext | null = null

/**
 * A short two-tone chime from a Web Audio oscillator (no audio files). Browsers may keep the
 * audio context suspended until the user has interacted with the page; then it stays silent.
 */
export function playChime(level: 'red' | 'orange' | 'yellow' | 'blue'): void {
  try {
    context ??= new AudioContext()
    if (context.state === 'suspended') void context.resume()
    const start = context.currentTime
    // Higher levels ring higher and three times.
    const base = level === 'red' ? 988 : level === 'orange' ? 880 : 660
    const notes = level === 'red' || level === 'orange' ? [base, base * 0.75, base] : [base, base * 0.75]
    notes.forEach((frequency, index) => {
      const oscillator = context!.createOscillator()
      const gain = context!.createGain()
      oscillator.type = 'sine'
      oscillator.frequency.value = frequency
      const at = start + index * 0.18
      gain.gain.setValueAtTime(0.0001, at)
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16)
      oscillator.connect(gain).connect(context!.destination)
      oscillator.start(at)
      oscillator.stop(at + 0.17)
    })
  } catch {
    // No audio (unsupported or blocked): the notification alone must do.
  }
}
