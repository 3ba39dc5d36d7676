/** The causes the contract gives for a bare refusal such as `Validation error`. */
export function Causes({ causes }: { causes: readonly string[] }) {
  return (
    <>
      <p>It gives that answer when:</p>
      <ul className="list-disc pl-5">
        {causes.map((cause) => (
          <li key={cause}>{cause}</li>
        ))}
      </ul>
    </>
  );
}
