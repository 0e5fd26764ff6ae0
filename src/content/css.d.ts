// esbuild's "text" loader: a .css import is the stylesheet's text.
declare module "*.css" {
  const text: string;
  export default text;
}
