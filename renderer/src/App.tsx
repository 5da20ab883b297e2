export function App() {
  return (
    <main>
      <h1>mwtokens</h1>
      <p>Access tokens for the mittwald API, kept in your keychain.</p>
    </main>
  );
}
