// A file imported with `?shapes=WIDTHxHEIGHT` is its countries projected for a picture of that size (scripts/lib/worldShapes.js).
declare module '*?shapes=960x500' {
  const countries: readonly import('./worldCountry').WorldCountry[];
  export default countries;
}
